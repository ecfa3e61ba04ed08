import EventStore
import Foundation
import Logging
import PostgresNIO
import TestSupport
import Testing
import TransparencyLog
@testable import Announcements

/// A migrated database with the transparency log's store and a checkpoint signer.
struct TransparencyLogHarness {
    static let origin = "test.example/asn/transparency-log"

    let client: PostgresClient
    let store: TransparencyLogStore
    let eventStore: EventStore
    let signer: CheckpointSigner

    var verifierKey: NoteVerifierKey { signer.settings.signer.verifierKey }

    static func run(_ body: (TransparencyLogHarness) async throws -> Void) async throws {
        try await TestPostgres.withFreshDatabase { client, _ in
            let logger = TestPostgres.logger
            try await DatabaseMigrator(
                client: client, migrations: EventStoreMigrations.all + AnnouncementsService.migrations, logger: logger
            ).migrate()
            let store = TransparencyLogStore(postgres: client, logger: logger)
            let eventStore = EventStore(client: client, logger: logger)
            let settings = TransparencyLogSettings(
                origin: origin, signer: try NoteSigner(keyName: origin, seed: Array(repeating: 42, count: 32)),
                checkpointInterval: .seconds(1))
            try await body(TransparencyLogHarness(
                client: client, store: store, eventStore: eventStore,
                signer: CheckpointSigner(store: store, settings: settings, eventStore: eventStore, logger: logger)))
        }
    }

    /// `count` distinct public records.
    static func records(_ count: Int, kind: String = "result-row", tag: String = "") -> [LogRecordInput] {
        (0 ..< count).map { number in
            LogRecordInput(id: UUID(), kind: kind, record: [
                "rank": .integer(Int64(number)), "participantNumber": .string("\(tag)25-\(number)"),
                "score": .string("\(300 + number).50"), "passed": .bool(number % 3 != 0),
            ])
        }
    }

    /// The leaf hashes in leaf order, as the database holds them.
    func leafHashes() async throws -> [MerkleHash] {
        let rows = try await client.query(
            "SELECT leaf_hash FROM transparency_log_records ORDER BY leaf_index", logger: TestPostgres.logger)
        var hashes: [MerkleHash] = []
        for try await hash in rows.decode(ByteBuffer.self) { hashes.append(try MerkleHash(bytes: Array(buffer: hash))) }
        return hashes
    }

    /// Runs SQL as an operator (or an attacker with database access) would.
    func execute(_ sql: String) async throws {
        try await client.query(PostgresQuery(unsafeSQL: sql), logger: TestPostgres.logger)
    }
}
