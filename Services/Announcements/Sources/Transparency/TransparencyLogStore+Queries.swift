public import Foundation
import NIOCore
import PostgresNIO
public import TransparencyLog

extension TransparencyLogStore {
    /// The logged record `id`, or nil.
    public func record(id: UUID) async throws -> LoggedRecord? {
        let rows = try await postgres.query(
            """
            SELECT record_id, kind, leaf_index, salt, canonical_json, leaf_hash
            FROM transparency_log_records WHERE record_id = \(id)
            """, logger: logger)
        for try await row in rows.decode((UUID, String, Int64, ByteBuffer, String, ByteBuffer).self) {
            return try LoggedRecord(row: row)
        }
        return nil
    }

    /// The number of leaves in the log (committed appends).
    public func treeSize() async throws -> Int {
        try await postgres.withConnection { connection in try await treeSize(on: connection) }
    }

    func treeSize(on connection: PostgresConnection) async throws -> Int {
        let rows = try await connection.query(
            "SELECT tree_size FROM transparency_log_head WHERE singleton", logger: logger)
        for try await size in rows.decode(Int64.self) { return Int(size) }
        return 0
    }

    /// The inclusion proof of `leafIndex` in the tree of `treeSize` leaves (at most the log's size).
    /// One query: the log's size and the plan's nodes.
    public func inclusionProof(leafIndex: Int, treeSize: Int) async throws -> [MerkleHash] {
        guard treeSize >= 0 else { throw TransparencyLogStoreError.treeSizeBeyondLog(requested: treeSize, logSize: 0) }
        guard leafIndex >= 0, leafIndex < treeSize else {
            throw TransparencyLogStoreError.leafIndexBeyondTree(leafIndex: leafIndex, treeSize: treeSize)
        }
        return try await assembleChecked(try TreeLayout.inclusionPlan(leafIndex: leafIndex, treeSize: treeSize),
                                         treeSize: treeSize)
    }

    /// The consistency proof from the tree of `from` leaves to the tree of `to` leaves (at most the log's size).
    /// One query: the log's size and the plan's nodes.
    public func consistencyProof(from: Int, to: Int) async throws -> [MerkleHash] {
        guard from >= 0 else { throw TransparencyLogStoreError.treeSizeBeyondLog(requested: from, logSize: 0) }
        guard from <= to else { throw TransparencyLogStoreError.sizesOutOfOrder(from: from, to: to) }
        return try await assembleChecked(try TreeLayout.consistencyPlan(from: from, to: to), treeSize: to)
    }

    func consistencyProof(from: Int, to: Int, on connection: PostgresConnection) async throws -> [MerkleHash] {
        guard from >= 0 else { throw TransparencyLogStoreError.treeSizeBeyondLog(requested: from, logSize: 0) }
        try await checkSize(to, on: connection)
        guard from <= to else { throw TransparencyLogStoreError.sizesOutOfOrder(from: from, to: to) }
        return try await assemble(try TreeLayout.consistencyPlan(from: from, to: to), on: connection)
    }

    /// The root hash of the tree of `treeSize` leaves, from the stored nodes.
    func rootHash(treeSize: Int, on connection: PostgresConnection) async throws -> MerkleHash {
        try await assemble(TreeLayout.rootPlan(treeSize: treeSize), on: connection)[0]
    }

    /// The latest signed checkpoint, or nil before the first.
    func latestCheckpoint() async throws -> StoredCheckpoint? {
        try await postgres.withConnection { connection in try await latestCheckpoint(on: connection) }
    }

    func latestCheckpoint(on connection: PostgresConnection) async throws -> StoredCheckpoint? {
        try await checkpoints(
            "ORDER BY tree_size DESC LIMIT 1", on: connection).first
    }

    /// The checkpoint signed for `treeSize`, or nil.
    func checkpoint(treeSize: Int) async throws -> StoredCheckpoint? {
        try await postgres.withConnection { connection in
            let rows = try await connection.query(
                """
                SELECT tree_size, root_hash, origin, key_name, signed_note, signed_at
                FROM transparency_log_checkpoints WHERE tree_size = \(treeSize)
                """, logger: logger)
            return try await Self.checkpoints(from: rows).first
        }
    }

    private func checkpoints(_ suffix: String, on connection: PostgresConnection) async throws -> [StoredCheckpoint] {
        let rows = try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT tree_size, root_hash, origin, key_name, signed_note, signed_at
            FROM transparency_log_checkpoints \(suffix)
            """), logger: logger)
        return try await Self.checkpoints(from: rows)
    }

    private static func checkpoints(from rows: PostgresRowSequence) async throws -> [StoredCheckpoint] {
        var found: [StoredCheckpoint] = []
        for try await (size, root, origin, keyName, note, signedAt)
            in rows.decode((Int64, ByteBuffer, String, String, String, Date).self)
        {
            found.append(StoredCheckpoint(
                treeSize: Int(size), rootHash: try MerkleHash(bytes: Array(buffer: root)), origin: origin,
                keyName: keyName, signedNote: note, signedAt: signedAt))
        }
        return found
    }

    private func checkSize(_ treeSize: Int, on connection: PostgresConnection) async throws {
        let size = try await self.treeSize(on: connection)
        guard treeSize >= 0, treeSize <= size else {
            throw TransparencyLogStoreError.treeSizeBeyondLog(requested: treeSize, logSize: size)
        }
    }

    /// Fetches a plan's nodes and the log's size with one query; refuses a `treeSize` beyond the log.
    private func assembleChecked(_ plan: TreeNodePlan, treeSize: Int) async throws -> [MerkleHash] {
        let rows = try await postgres.query(
            """
            SELECT h.tree_size, n.level, n.index, n.hash FROM transparency_log_head h
            LEFT JOIN LATERAL (
                SELECT n.level, n.index, n.hash
                FROM unnest(\(plan.nodeIDs.map(\.level))::smallint[], \(plan.nodeIDs.map(\.index))::bigint[])
                     AS w(level, index)
                JOIN transparency_log_nodes n ON n.level = w.level AND n.index = w.index
            ) n ON true
            WHERE h.singleton
            """, logger: logger)
        var logSize = 0
        var hashes: [NodeID: MerkleHash] = [:]
        for try await (size, level, index, hash) in rows.decode((Int64, Int16?, Int64?, ByteBuffer?).self) {
            logSize = Int(size)
            if let level, let index, let hash {
                hashes[NodeID(level: Int(level), index: Int(index))] = try MerkleHash(bytes: Array(buffer: hash))
            }
        }
        guard treeSize <= logSize else {
            throw TransparencyLogStoreError.treeSizeBeyondLog(requested: treeSize, logSize: logSize)
        }
        do {
            return try plan.assemble(hashes)
        } catch {
            switch error {
            case .missingNode(let id): throw TransparencyLogStoreError.missingNode(id)
            case .wrongHashCount: throw error
            }
        }
    }

    /// Fetches a plan's nodes with one query and puts the answer together.
    func assemble(_ plan: TreeNodePlan, on connection: PostgresConnection) async throws -> [MerkleHash] {
        var hashes: [NodeID: MerkleHash] = [:]
        if !plan.nodeIDs.isEmpty {
            let rows = try await connection.query(
                """
                SELECT n.level, n.index, n.hash FROM transparency_log_nodes n
                JOIN unnest(\(plan.nodeIDs.map(\.level))::smallint[], \(plan.nodeIDs.map(\.index))::bigint[])
                     AS w(level, index) ON n.level = w.level AND n.index = w.index
                """, logger: logger)
            for try await (level, index, hash) in rows.decode((Int16, Int64, ByteBuffer).self) {
                hashes[NodeID(level: Int(level), index: Int(index))] = try MerkleHash(bytes: Array(buffer: hash))
            }
        }
        do {
            return try plan.assemble(hashes)
        } catch {
            switch error {
            case .missingNode(let id): throw TransparencyLogStoreError.missingNode(id)
            case .wrongHashCount: throw error
            }
        }
    }
}
