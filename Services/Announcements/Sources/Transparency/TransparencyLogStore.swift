import EventStore
import Foundation
public import Logging
import NIOCore
public import PostgresNIO
import RecruitmentEvents
import TransparencyLog

/// The persistent transparency log in PostgreSQL (ARCHITECTURE §7): records, perfect-subtree nodes, the log head and
/// signed checkpoints. Appends run inside the caller's transaction and serialise on the head row.
public struct TransparencyLogStore: Sendable {
    let postgres: PostgresClient
    let logger: Logger

    /// A store over the announcements database `postgres` (migrated with the service's migrations).
    public init(postgres: PostgresClient, logger: Logger) {
        self.postgres = postgres
        self.logger = logger
    }

    /// Appends `records` to the log inside the caller's open transaction on `connection`, so whatever the caller
    /// publishes and its leaves commit (or roll back) together. Answers one entry per input, in order.
    ///
    /// Appends serialise on a row lock of the log head, taken first. A record id that is already logged answers its
    /// existing entry when kind and canonical JSON are identical, else throws
    /// ``TransparencyLogStoreError/conflictingRecord(recordId:)``; so does the same id twice in `records` with
    /// different content. All rows go in with a few set-based statements, whatever the batch size.
    public func append(_ records: [LogRecordInput], on connection: PostgresConnection) async throws -> [LoggedRecord] {
        guard !records.isEmpty else { return [] }
        var range = try await lockHead(on: connection)

        var firstByID: [UUID: (kind: String, canonical: String)] = [:]
        var prepared: [(input: LogRecordInput, canonical: String)] = []
        for input in records {
            guard case .object = input.record else {
                throw TransparencyLogStoreError.invalidRecord(recordId: input.id.eventKey,
                                                               reason: "the record is not a JSON object")
            }
            guard !input.kind.isEmpty else {
                throw TransparencyLogStoreError.invalidRecord(recordId: input.id.eventKey, reason: "empty kind")
            }
            let canonical = CanonicalJSON.string(input.record)
            if let first = firstByID[input.id] {
                guard first == (input.kind, canonical) else {
                    throw TransparencyLogStoreError.conflictingRecord(recordId: input.id.eventKey)
                }
            } else {
                firstByID[input.id] = (input.kind, canonical)
            }
            prepared.append((input, canonical))
        }

        var entries = try await existing(Array(firstByID.keys), on: connection)
        for (id, first) in firstByID {
            if let logged = entries[id], logged.kind != first.kind || logged.canonicalJSON != first.canonical {
                throw TransparencyLogStoreError.conflictingRecord(recordId: id.eventKey)
            }
        }

        var fresh: [LoggedRecord] = []
        var nodes: [StoredNode] = []
        for (input, canonical) in prepared where entries[input.id] == nil {
            let committed = try RecordCommitment(record: input.record)
            let logged = LoggedRecord(
                recordId: input.id, kind: input.kind, leafIndex: range.size, salt: committed.salt,
                canonicalJSON: canonical, leafHash: committed.leafHash)
            nodes.append(contentsOf: range.append(leafHash: committed.leafHash))
            entries[input.id] = logged
            fresh.append(logged)
        }
        if !fresh.isEmpty {
            try await insert(fresh, nodes: nodes, range: range, on: connection)
        }
        return records.map { entries[$0.id]! }
    }

    /// Opens a transaction on a pooled connection and appends `records` in it (for callers without one).
    public func append(_ records: [LogRecordInput]) async throws -> [LoggedRecord] {
        try await PostgresTransaction.run(on: postgres, logger: logger) { connection in
            try await append(records, on: connection)
        }
    }

    /// Locks the head row (until the caller's transaction ends) and answers the log's right border.
    func lockHead(on connection: PostgresConnection) async throws -> CompactRange {
        let rows = try await connection.query(
            "SELECT tree_size, border FROM transparency_log_head WHERE singleton FOR UPDATE", logger: logger)
        for try await (size, border) in rows.decode((Int64, [ByteBuffer]).self) {
            return try CompactRange(size: Int(size), border: border.map { try MerkleHash(bytes: Array(buffer: $0)) })
        }
        throw TransparencyLogStoreError.treeSizeBeyondLog(requested: 0, logSize: 0)
    }

    private func existing(_ ids: [UUID], on connection: PostgresConnection) async throws -> [UUID: LoggedRecord] {
        let rows = try await connection.query(
            """
            SELECT record_id, kind, leaf_index, salt, canonical_json, leaf_hash
            FROM transparency_log_records WHERE record_id = ANY(\(ids)::uuid[])
            """, logger: logger)
        var found: [UUID: LoggedRecord] = [:]
        for try await row in rows.decode((UUID, String, Int64, ByteBuffer, String, ByteBuffer).self) {
            found[row.0] = try LoggedRecord(row: row)
        }
        return found
    }

    private func insert(_ fresh: [LoggedRecord], nodes: [StoredNode], range: CompactRange,
                        on connection: PostgresConnection) async throws
    {
        let first = fresh[0].leafIndex
        try await connection.query(
            """
            INSERT INTO transparency_log_records (record_id, kind, canonical_json, salt, leaf_index, leaf_hash)
            SELECT r.id, r.kind, r.json, r.salt, \(first)::bigint + r.ord - 1, r.leaf
            FROM unnest(\(fresh.map(\.recordId))::uuid[], \(fresh.map(\.kind))::text[],
                        \(fresh.map(\.canonicalJSON))::text[], \(fresh.map { ByteBuffer(bytes: $0.salt) })::bytea[],
                        \(fresh.map { ByteBuffer(bytes: $0.leafHash.bytes) })::bytea[])
                 WITH ORDINALITY AS r(id, kind, json, salt, leaf, ord)
            """, logger: logger)
        try await connection.query(
            """
            INSERT INTO transparency_log_nodes (level, index, hash)
            SELECT * FROM unnest(\(nodes.map(\.id.level))::smallint[], \(nodes.map(\.id.index))::bigint[],
                                 \(nodes.map { ByteBuffer(bytes: $0.hash.bytes) })::bytea[])
            """, logger: logger)
        try await connection.query(
            """
            UPDATE transparency_log_head SET tree_size = \(range.size),
                border = \(range.border.map { ByteBuffer(bytes: $0.bytes) })::bytea[], updated_at = now()
            WHERE singleton
            """, logger: logger)
    }
}

extension LoggedRecord {
    init(row: (UUID, String, Int64, ByteBuffer, String, ByteBuffer)) throws {
        self.init(
            recordId: row.0, kind: row.1, leafIndex: Int(row.2), salt: Array(buffer: row.3), canonicalJSON: row.4,
            leafHash: try MerkleHash(bytes: Array(buffer: row.5)))
    }
}

