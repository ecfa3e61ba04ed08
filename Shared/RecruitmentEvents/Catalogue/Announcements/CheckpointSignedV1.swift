/// The announcements service signed a checkpoint of its transparency log (ARCHITECTURE §7: RFC 9162 Merkle tree, C2SP
/// tlog-checkpoint signed note, Ed25519). A checkpoint is only signed if consistent with the previous one.
public struct CheckpointSignedV1: RecruitmentEvent {
    public static let eventType = "asn.announcement.checkpoint-signed.v1"
    public static let topic = RecruitmentTopic.announcement

    /// The log's origin line (its unique name).
    public var origin: String
    /// The number of leaves.
    public var treeSize: Int64
    /// The Merkle tree head, base64 (as in the checkpoint body).
    public var rootHash: String
    /// The name of the signing key in the note's signature line.
    public var keyName: String
    /// The complete signed note text, verifiable offline with the public key.
    public var signedNote: String

    /// Creates the value; each parameter is the property of the same name.
    public init(origin: String, treeSize: Int64, rootHash: String, keyName: String, signedNote: String) {
        self.origin = origin
        self.treeSize = treeSize
        self.rootHash = rootHash
        self.keyName = keyName
        self.signedNote = signedNote
    }

    /// Partition key: the log origin, so checkpoints stay in order.
    public var partitionKey: String { origin }

    /// Subject: `checkpoint/<tree size>`.
    public var subject: String { "checkpoint/\(treeSize)" }
}

extension CheckpointSignedV1 {
    public static var example: Self {
        let origin = "kupangkota.go.id/asn/transparency-log"
        let rootHash = "17gTkSJT78+C1CadeyjYwL453hjcMVEe90Of/Qcf9uk="
        let signature = "VA6Wli+3drpz2pLutoOxHmB+N/1tORxnfkKzoJVqzipiHwzvl0p+5SXoBlOsdiqN8QDFsRt4ALUF2nSeYhiI7tMOCkQ="
        return CheckpointSignedV1(
            origin: origin,
            treeSize: 4213,
            rootHash: rootHash,
            keyName: origin,
            signedNote: "\(origin)\n4213\n\(rootHash)\n\n\u{2014} \(origin) \(signature)\n"
        )
    }
}
