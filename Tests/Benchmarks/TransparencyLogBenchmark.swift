import Announcements
import EventStore
import Foundation
import Logging
import PostgresNIO
import TransparencyLog

/// The transparency log at scale (ARCHITECTURE §7): appends a log of many leaves through the announcements service's
/// own store (batches in their own transactions, as publishing does), then times inclusion and consistency proofs for
/// random indexes and sizes, each a store call as the public endpoints make it.
struct TransparencyLogBenchmark {
    /// How it measures, for the results file (BenchResultsFile).
    static let method = """
        Appends leaves through the announcements service's own store in a scratch database, one transaction per batch \
        (leaves, perfect-subtree nodes, head), as publishing does; then asks the store for inclusion proofs of random \
        indexes and consistency proofs between random sizes, one after another (closed loop), each timed as one store \
        call (one SQL round trip for the nodes it needs).
        """

    struct Result {
        var leavesPerSecond: Double
        var inclusion: LatencySample
        var consistency: LatencySample
    }

    let databases: ScratchDatabases
    let leaves: Int
    let batch: Int
    let proofs: Int
    let logger: Logger

    func run() async throws -> Result {
        try await databases.withDatabase("tlog") { url in
            let configuration = try PostgresConfiguration(url: url)
            var backgroundLogger = logger
            backgroundLogger.logLevel = .error
            let client = configuration.makeClient(maximumConnections: 4, backgroundLogger: backgroundLogger)
            return try await withThrowingTaskGroup(of: Result?.self) { group in
                group.addTask {
                    await client.run()
                    return nil
                }
                defer { group.cancelAll() }
                return try await measure(client)
            }
        }
    }

    private func measure(_ client: PostgresClient) async throws -> Result {
        try await DatabaseMigrator(
            client: client, migrations: EventStoreMigrations.all + AnnouncementsService.migrations, logger: logger
        ).migrate()
        let store = TransparencyLogStore(postgres: client, logger: logger)
        var generator = SplitMix(seed: 9162)

        let clock = ContinuousClock()
        let start = clock.now
        var appended = 0
        var lastReport = start
        while appended < leaves {
            let count = min(batch, leaves - appended)
            let records = (0 ..< count).map { offset in
                Self.record(appended + offset, generator: &generator)
            }
            let logged = try await store.append(records)
            guard logged.last?.leafIndex == appended + count - 1 else {
                throw TransparencyLogBenchmarkError("the log answered leaf \(logged.last?.leafIndex ?? -1), "
                    + "expected \(appended + count - 1)")
            }
            appended += count
            if clock.now - lastReport > .seconds(10) {
                lastReport = clock.now
                let seconds = (clock.now - start).seconds
                BenchReport.line("  \(grouped(Double(appended))) leaves, \(grouped(Double(appended) / seconds)) leaves/s")
            }
        }
        let elapsed = (clock.now - start).seconds
        let rate = Double(leaves) / elapsed
        BenchReport.line("appended \(grouped(Double(leaves))) leaves in batches of \(batch): "
            + "\(String(format: "%.1f", elapsed)) s, \(grouped(rate)) leaves/s")

        var inclusion: [Duration] = []
        var consistency: [Duration] = []
        for _ in 0 ..< proofs {
            let size = 1 + generator.next(upTo: leaves)
            let index = generator.next(upTo: size)
            let began = clock.now
            let proof = try await store.inclusionProof(leafIndex: index, treeSize: size)
            inclusion.append(clock.now - began)
            guard proof.count <= 64 else { throw TransparencyLogBenchmarkError("an inclusion proof of \(proof.count) hashes") }

            let to = 1 + generator.next(upTo: leaves)
            let from = 1 + generator.next(upTo: to)
            let started = clock.now
            _ = try await store.consistencyProof(from: from, to: to)
            consistency.append(clock.now - started)
        }
        let result = Result(leavesPerSecond: rate, inclusion: LatencySample(inclusion),
                            consistency: LatencySample(consistency))
        BenchReport.line("inclusion proofs (\(proofs)): \(result.inclusion.summary([50, 99], includeMaximum: true))")
        BenchReport.line("consistency proofs (\(proofs)): \(result.consistency.summary([50, 99], includeMaximum: true))")
        return result
    }

    /// A published result row as the log holds it (no personal data): seeded, so runs are comparable.
    static func record(_ number: Int, generator: inout SplitMix) -> LogRecordInput {
        let id = UUID(uuid: withUnsafeBytes(of: (generator.nextWord(), generator.nextWord())) { raw in
            var bytes = [UInt8](raw)
            bytes[6] = bytes[6] & 0x0F | 0x40
            bytes[8] = bytes[8] & 0x3F | 0x80
            return (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8],
                    bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15])
        })
        return LogRecordInput(id: id, kind: "result-row", record: [
            "announcementId": "5f0c1b7e-2f4d-4c59-9a51-2d3f5e6a7b8c",
            "participantNumber": .string(String(format: "25%08d", number)),
            "rank": .integer(Int64(number % 1000 + 1)),
            "twk": .integer(Int64(60 + generator.next(upTo: 90))),
            "tiu": .integer(Int64(60 + generator.next(upTo: 115))),
            "tkp": .integer(Int64(150 + generator.next(upTo: 76))),
            "score": .string("\(300 + generator.next(upTo: 250)).\(generator.next(upTo: 100))"),
            "code": .string(number % 3 == 0 ? "P/L" : "TMS"),
        ])
    }
}

/// A transparency log benchmark run that went wrong.
struct TransparencyLogBenchmarkError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
