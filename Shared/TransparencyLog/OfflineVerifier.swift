/// What anyone can check offline with the log's public key: that a record is in a signed checkpoint, and that one
/// signed checkpoint extends another. The `asn-log-verify` tool and the browser page do exactly this.
public enum OfflineVerifier {
    /// Checks, in order: the checkpoint's signature (and origin = key name); the record's commitment (recomputed from
    /// the record and salt, and equal to the published leaf hash); that the proof is for the record's leaf index and
    /// the checkpoint's size; and the inclusion proof against the checkpoint's root.
    public static func verifyRecord(_ record: LogRecordDocument, proof: InclusionProofDocument, checkpoint note: String,
                                    key: NoteVerifierKey) throws(OfflineVerificationError) -> RecordVerification
    {
        let checkpoint = try openCheckpoint(note, key: key)
        guard let salt = StrictBase64.decode(record.salt) else { throw .malformedRecord("salt is not base64") }
        let committed: RecordCommitment
        do {
            committed = try RecordCommitment(record: record.record, salt: salt)
        } catch {
            throw .malformedRecord(error == .notAnObject ? "record is not an object" : "salt is not 32 bytes")
        }
        guard (try? MerkleHash(base64: record.leafHash)) == committed.leafHash else {
            throw .recordDoesNotMatchLeafHash
        }
        guard proof.leafIndex == record.leafIndex else {
            throw .proofForAnotherLeaf(record: record.leafIndex, proof: proof.leafIndex)
        }
        guard proof.treeSize == checkpoint.size else {
            throw .proofForAnotherTreeSize(checkpoint: checkpoint.size, proof: proof.treeSize)
        }
        let hashes = try decode(proof.hashes)
        do {
            try MerkleVerifier.verifyInclusion(leafHash: committed.leafHash, leafIndex: record.leafIndex,
                                               treeSize: checkpoint.size, proof: hashes, root: checkpoint.rootHash)
        } catch {
            throw .inclusion(error)
        }
        return RecordVerification(checkpoint: checkpoint, recordId: record.recordId, kind: record.kind,
                                  leafIndex: record.leafIndex, leafHash: committed.leafHash)
    }

    /// Checks both checkpoints' signatures and the consistency proof from the older to the newer.
    public static func verifyConsistency(older: String, newer: String, proof: ConsistencyProofDocument,
                                         key: NoteVerifierKey) throws(OfflineVerificationError)
        -> (older: Checkpoint, newer: Checkpoint)
    {
        let first = try openCheckpoint(older, key: key)
        let second = try openCheckpoint(newer, key: key)
        guard proof.from == first.size, proof.to == second.size else {
            throw .proofForOtherSizes(checkpoints: (first.size, second.size), proof: (proof.from, proof.to))
        }
        let hashes = try decode(proof.hashes)
        do {
            try MerkleVerifier.verifyConsistency(size1: first.size, size2: second.size, proof: hashes,
                                                 root1: first.rootHash, root2: second.rootHash)
        } catch {
            throw .consistency(error)
        }
        return (first, second)
    }

    static func openCheckpoint(_ note: String, key: NoteVerifierKey) throws(OfflineVerificationError) -> Checkpoint {
        do {
            return try SignedCheckpoint.open(note, key: key).checkpoint
        } catch {
            throw .checkpoint(error)
        }
    }

    static func decode(_ hashes: [String]) throws(OfflineVerificationError) -> [MerkleHash] {
        var decoded: [MerkleHash] = []
        for (position, hash) in hashes.enumerated() {
            guard let value = try? MerkleHash(base64: hash) else { throw .malformedProofHash(position: position) }
            decoded.append(value)
        }
        return decoded
    }
}

/// A record found in a signed checkpoint.
public struct RecordVerification: Sendable, Hashable {
    /// The checkpoint whose tree includes the record.
    public let checkpoint: Checkpoint
    /// The record's id.
    public let recordId: String
    /// The record's kind.
    public let kind: String
    /// The leaf's position.
    public let leafIndex: Int
    /// The leaf hash recomputed from the record and its salt.
    public let leafHash: MerkleHash
}

/// Why an offline check failed.
public enum OfflineVerificationError: Error, Sendable, CustomStringConvertible {
    case checkpoint(CheckpointError)
    case malformedRecord(String)
    case recordDoesNotMatchLeafHash
    case proofForAnotherLeaf(record: Int, proof: Int)
    case proofForAnotherTreeSize(checkpoint: Int, proof: Int)
    case proofForOtherSizes(checkpoints: (Int, Int), proof: (Int, Int))
    case malformedProofHash(position: Int)
    case inclusion(MerkleProofError)
    case consistency(MerkleProofError)

    public var description: String {
        switch self {
        case .checkpoint(.signature(let error)): "the checkpoint's signature does not verify: \(error)"
        case .checkpoint(let error): "the checkpoint is not valid: \(error)"
        case .malformedRecord(let reason): "the record file is malformed: \(reason)"
        case .recordDoesNotMatchLeafHash:
            "the record and salt do not hash to the published leaf hash: the record was altered"
        case .proofForAnotherLeaf(let record, let proof):
            "the proof is for leaf \(proof), the record is leaf \(record)"
        case .proofForAnotherTreeSize(let checkpoint, let proof):
            "the proof is for a tree of \(proof) leaves, the checkpoint has \(checkpoint)"
        case .proofForOtherSizes(let checkpoints, let proof):
            "the proof is from \(proof.0) to \(proof.1) leaves, the checkpoints have \(checkpoints.0) and \(checkpoints.1)"
        case .malformedProofHash(let position): "proof hash \(position) is not the base64 of 32 bytes"
        case .inclusion(let error): "the record is not in the checkpoint's tree (\(error))"
        case .consistency(let error): "the newer checkpoint does not extend the older one (\(error))"
        }
    }
}
