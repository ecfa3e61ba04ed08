public import Foundation
public import TransparencyLog

/// A public record to append to the transparency log: an announcement, a published result row, a decision's public
/// summary. It must hold no personal data; the log commits to it with a random salt.
public struct LogRecordInput: Sendable, Hashable {
    /// The record's id (idempotency key: appending the same id again answers the existing entry).
    public var id: UUID
    /// What the record is, e.g. `announcement` or `result-row`.
    public var kind: String
    /// The record: a JSON object (decimals as strings).
    public var record: JSONValue

    /// Creates the input; each parameter is the property of the same name.
    public init(id: UUID, kind: String, record: JSONValue) {
        self.id = id
        self.kind = kind
        self.record = record
    }
}

/// A record as the log holds it.
public struct LoggedRecord: Sendable, Hashable {
    /// The record's id.
    public var recordId: UUID
    /// What the record is.
    public var kind: String
    /// Its leaf's position in the log.
    public var leafIndex: Int
    /// The 32-byte salt of its commitment.
    public var salt: [UInt8]
    /// The canonical JSON (RFC 8785) the commitment is over.
    public var canonicalJSON: String
    /// The RFC 9162 leaf hash of the commitment.
    public var leafHash: MerkleHash

    /// The public document (`GET /v1/log/records/{recordId}`).
    func document() throws -> LogRecordDocument {
        LogRecordDocument(
            recordId: recordId.uuidString.lowercased(), kind: kind, leafIndex: leafIndex,
            salt: StrictBase64.encode(salt), record: try JSONParser.parse(canonicalJSON), leafHash: leafHash.base64)
    }
}

/// A signed checkpoint as stored.
struct StoredCheckpoint: Sendable, Hashable {
    var treeSize: Int
    var rootHash: MerkleHash
    var origin: String
    var keyName: String
    /// The C2SP signed note, exactly as published.
    var signedNote: String
    var signedAt: Date
}
