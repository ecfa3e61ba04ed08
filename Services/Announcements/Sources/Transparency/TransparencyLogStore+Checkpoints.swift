import EventStore
import Foundation
import Logging
import NIOCore
import PostgresNIO
import RecruitmentEvents
import TransparencyLog

extension TransparencyLogStore {
    /// The event stream of the log's checkpoints.
    static let checkpointStream = "transparency-log"

    /// The outcome of a signing request.
    struct SigningOutcome: Sendable, Hashable {
        /// The checkpoint covering the log's size at the time.
        var checkpoint: StoredCheckpoint
        /// False when that size was already signed (the existing checkpoint is answered).
        var isNew: Bool
    }

    /// Signs a checkpoint of the log's current size, if it is consistent with the last signed checkpoint.
    ///
    /// In one transaction holding the head lock (appends wait): the root of the current size is computed both from
    /// the head's border and from the stored nodes (they must agree); a consistency proof from the last signed
    /// checkpoint to the current size is built from the stored nodes and verified against both roots. Any
    /// disagreement throws ``TransparencyLogStoreError/inconsistentWithLastCheckpoint(lastSize:size:reason:)`` and
    /// logs a critical alert; nothing is signed. A size already signed answers the existing checkpoint. A new
    /// checkpoint is stored and `CheckpointSignedV1` goes to the outbox (stream `transparency-log`).
    func signCheckpoint(signer: NoteSigner, origin: String, eventStore: EventStore) async throws -> SigningOutcome
    {
        try await PostgresTransaction.run(on: postgres, logger: logger) { connection in
            let range = try await lockHead(on: connection)
            let size = range.size
            let last = try await latestCheckpoint(on: connection)
            let root: MerkleHash
            do {
                root = try await rootHash(treeSize: size, on: connection)
            } catch TransparencyLogStoreError.missingNode(let id) {
                throw refuse(lastSize: last?.treeSize ?? 0, size: size, "node \(id) of the current tree is missing")
            }
            guard root == range.rootHash else {
                throw refuse(lastSize: last?.treeSize ?? 0, size: size,
                             "the head's border and the stored nodes give different roots")
            }
            if let last {
                guard last.treeSize <= size else {
                    throw refuse(lastSize: last.treeSize, size: size, "the log is smaller than its last checkpoint")
                }
                let proof: [MerkleHash]
                do {
                    proof = try await consistencyProof(from: last.treeSize, to: size, on: connection)
                } catch TransparencyLogStoreError.missingNode(let id) {
                    throw refuse(lastSize: last.treeSize, size: size, "node \(id) of the proof is missing")
                }
                do {
                    try MerkleVerifier.verifyConsistency(size1: last.treeSize, size2: size, proof: proof,
                                                         root1: last.rootHash, root2: root)
                } catch {
                    throw refuse(lastSize: last.treeSize, size: size, "the consistency proof fails (\(error))")
                }
                if last.treeSize == size {
                    return SigningOutcome(checkpoint: last, isNew: false)
                }
            }
            let signed = try SignedCheckpoint.sign(Checkpoint(origin: origin, size: size, rootHash: root), with: signer)
            let inserted = try await connection.query(
                """
                INSERT INTO transparency_log_checkpoints (tree_size, root_hash, origin, key_name, signed_note)
                VALUES (\(size), \(ByteBuffer(bytes: root.bytes)), \(origin), \(signer.keyName), \(signed.note))
                RETURNING signed_at
                """, logger: logger)
            var signedAt = Date()
            for try await time in inserted.decode(Date.self) { signedAt = time }
            let stored = StoredCheckpoint(treeSize: size, rootHash: root, origin: origin, keyName: signer.keyName,
                                          signedNote: signed.note, signedAt: signedAt)
            let version = try await checkpointCount(on: connection) - 1
            let event = CheckpointSignedV1(origin: origin, treeSize: Int64(size), rootHash: root.base64,
                                           keyName: signer.keyName, signedNote: signed.note)
            try await eventStore.append(
                [try EventEnvelope(event: event, streamId: Self.checkpointStream, streamVersion: version + 1,
                                   time: signedAt)],
                toStream: Self.checkpointStream, expectedVersion: version, on: connection)
            logger.info("transparency log checkpoint signed",
                        metadata: ["treeSize": "\(size)", "rootHash": "\(root.base64)"])
            return SigningOutcome(checkpoint: stored, isNew: true)
        }
    }

    private func checkpointCount(on connection: PostgresConnection) async throws -> Int64 {
        let rows = try await connection.query("SELECT count(*) FROM transparency_log_checkpoints", logger: logger)
        for try await count in rows.decode(Int64.self) { return count }
        return 0
    }

    private func refuse(lastSize: Int, size: Int, _ reason: String) -> TransparencyLogStoreError {
        logger.critical(
            "ALERT: transparency log refuses to sign a checkpoint inconsistent with the last one",
            metadata: ["lastSignedSize": "\(lastSize)", "treeSize": "\(size)", "reason": "\(reason)"])
        return .inconsistentWithLastCheckpoint(lastSize: lastSize, size: size, reason: reason)
    }
}
