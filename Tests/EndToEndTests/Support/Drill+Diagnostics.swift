import Foundation
import PostgresNIO
import SuiteHarness
import TestSupport

extension Drill {
    /// What a failed drill leaves behind to explain itself: whether the broker and its relay answer, the read-model
    /// counts, registration's unpublished outbox,
    /// each consumer group's stored offsets, what each consumer sees on the broker, and, for every submitted
    /// application without a verification case, its registration events and whether verification handled them.
    func diagnostics(brokerPort: Int? = nil, relayPort: Int? = nil) async -> String {
        var lines: [String] = []
        for (name, port) in [("broker", brokerPort), ("relay", relayPort)] {
            if let port { lines.append("\(name) port \(port): \(KafkaPortProbe.probe(port: port))") }
        }
        func section(_ title: String, _ body: () async throws -> [String]) async {
            do { lines += ["\(title):"] + (try await body()).map { "  \($0)" } } catch {
                lines.append("\(title): unavailable (\(error))")
            }
        }
        await section("read models") { [String(describing: try await readModelCounts())] }
        await section("registration outbox") {
            try await Self.rows(databases["registration"]!, """
                SELECT e.type, count(o.position)::text, count(*)::text
                FROM events e LEFT JOIN outbox o ON o.position = e.position
                GROUP BY e.type ORDER BY 1
                """).map { "\($0[0]): \($0[1]) unpublished of \($0[2])" }
        }
        for name in ["verification", "exam-scoring", "announcements"] {
            await section("\(name) stored offsets") {
                try await Self.rows(databases[name]!, """
                    SELECT consumer_group, topic, partition::text, next_offset::text, updated_at::text FROM projection_offsets
                    ORDER BY 1, 2, partition
                    """).map { $0.joined(separator: " ") }
            }
            await section("\(name) dead letters") {
                try await Self.rows(databases[name]!, "SELECT consumer_group, reason FROM dead_letters ORDER BY id")
                    .map { $0.joined(separator: ": ") }
            }
        }
        for process in verification + [exam, announcements] {
            await section("\(process.name) /info consumes") {
                let info = try await TestHTTP.get("\(process.baseURL)/info")
                let consumes = info.json["consumes"] as? [[String: Any]] ?? []
                return consumes.map { entry in
                    entry.keys.sorted().map { "\($0)=\(entry[$0] ?? "")" }.joined(separator: " ")
                }
            }
        }
        await section("submitted applications without a verification case") {
            let submitted = Set(try await Self.rows(
                databases["registration"]!, "SELECT application_id::text FROM applications WHERE status <> 'draft'"
            ).map { $0[0] })
            let cases = Set(try await Self.rows(databases["verification"]!, "SELECT application_id::text FROM cases")
                .map { $0[0] })
            var found: [String] = []
            for application in submitted.subtracting(cases).sorted().prefix(5) {
                found.append(application)
                let events = try await Self.rows(databases["registration"]!, """
                    SELECT e.position::text, e.type, e.event_id::text, e.recorded_at::text,
                           CASE WHEN o.position IS NULL THEN 'published' ELSE 'unpublished' END
                    FROM events e LEFT JOIN outbox o ON o.position = e.position
                    WHERE e.stream_id = 'application-' || '\(application)' ORDER BY e.position
                    """)
                for event in events {
                    let handled = try await Self.rows(databases["verification"]!, """
                        SELECT consumer_group FROM projection_inbox WHERE event_id = '\(event[2])'
                        """).map { $0[0] }
                    found.append("  \(event.joined(separator: " ")) handled by: \(handled)")
                }
            }
            return found
        }
        return lines.joined(separator: "\n")
    }

    /// Every row of `sql`, whose columns must all be text.
    static func rows(_ url: String, _ sql: String) async throws -> [[String]] {
        try await TestPostgres.withClient(url: url, maximumConnections: 1) { client in
            var rows: [[String]] = []
            for try await row in try await client.query(PostgresQuery(unsafeSQL: sql), logger: TestPostgres.logger) {
                rows.append(row.map { cell in cell.bytes.map { String(buffer: $0) } ?? "NULL" })
            }
            return rows
        }
    }
}
