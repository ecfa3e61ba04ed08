import Crypto

/// A public record as the log holds it: the record's canonical JSON, a 32-byte random salt, the salted commitment
/// that is the log's leaf data, and the leaf hash.
///
/// Recomputing it (for example in a browser with WebCrypto):
/// 1. `canonical = UTF-8(JSON.stringify(sortKeys(record)))`: the RFC 8785 form, see ``CanonicalJSON``;
/// 2. `commitment = SHA-256(salt || canonical)`: the 32 salt bytes (base64-decoded) followed by the canonical bytes;
/// 3. `leafHash = SHA-256(0x00 || commitment)`: the RFC 9162 leaf hash of the 32-byte commitment.
///
/// The log carries only commitments, never the records: without the salt, a commitment reveals nothing about a record,
/// not even one that could be guessed.
public struct RecordCommitment: Sendable, Hashable {
    /// The number of bytes in a salt.
    public static let saltByteCount = 32

    /// The record (a JSON object).
    public let record: JSONValue
    /// The 32-byte salt.
    public let salt: [UInt8]
    /// The canonical JSON of ``record`` (RFC 8785), as text.
    public let canonicalJSON: String
    /// `SHA-256(salt || UTF-8(canonicalJSON))`: the log's leaf data.
    public let commitment: MerkleHash
    /// `SHA-256(0x00 || commitment)`: the RFC 9162 leaf hash.
    public let leafHash: MerkleHash

    /// Commits to `record` (which must be an object) with `salt` (32 bytes; a fresh random one by default).
    public init(record: JSONValue, salt: [UInt8] = RecordCommitment.randomSalt()) throws(RecordCommitmentError) {
        guard case .object = record else { throw .notAnObject }
        guard salt.count == Self.saltByteCount else { throw .wrongSaltLength(salt.count) }
        let canonical = CanonicalJSON.encode(record)
        self.record = record
        self.salt = salt
        self.canonicalJSON = String(decoding: canonical, as: UTF8.self)
        self.commitment = Self.commitment(salt: salt, canonicalJSON: canonical)
        self.leafHash = RFC9162.leafHash(commitment.bytes)
    }

    /// `SHA-256(salt || canonicalJSON)`.
    public static func commitment(salt: [UInt8], canonicalJSON: [UInt8]) -> MerkleHash {
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(data: canonicalJSON)
        return MerkleHash(unchecked: Array(hasher.finalize()))
    }

    /// 32 bytes from the system's cryptographically secure generator.
    public static func randomSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0 ..< saltByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}

/// Why a record cannot be committed to.
public enum RecordCommitmentError: Error, Hashable, Sendable {
    /// The record is not a JSON object.
    case notAnObject
    /// The salt is not 32 bytes; the associated value is the length found.
    case wrongSaltLength(Int)
}
