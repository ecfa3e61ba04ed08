import Foundation

/// A SHA-256 hash in the transparency log: a leaf hash, an interior node hash, a root or a record commitment.
///
/// Always exactly 32 bytes. Shown as standard base64 (RFC 4648 §4, with padding) on the wire and in checkpoints.
public struct MerkleHash: Hashable, Sendable, CustomStringConvertible {
    /// The number of bytes of a SHA-256 hash.
    public static let byteCount = 32

    /// The 32 bytes of the hash.
    public let bytes: [UInt8]

    /// Wraps `bytes`; throws ``MerkleHashError/wrongLength(_:)`` unless there are exactly 32 of them.
    public init(bytes: [UInt8]) throws(MerkleHashError) {
        guard bytes.count == Self.byteCount else { throw .wrongLength(bytes.count) }
        self.bytes = bytes
    }

    /// Wraps bytes known to be 32 long (a digest just computed).
    init(unchecked bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Decodes the canonical standard base64 of 32 bytes (44 characters ending in `=`).
    public init(base64: String) throws(MerkleHashError) {
        guard let decoded = StrictBase64.decode(base64) else { throw .malformedBase64 }
        try self.init(bytes: decoded)
    }

    /// Decodes 64 hexadecimal digits (either case).
    public init(hex: String) throws(MerkleHashError) {
        guard let decoded = Hex.decode(hex) else { throw .malformedHex }
        try self.init(bytes: decoded)
    }

    /// The standard base64 encoding (RFC 4648 §4, padded).
    public var base64: String { StrictBase64.encode(bytes) }

    /// The lowercase hexadecimal encoding.
    public var hex: String { Hex.encode(bytes) }

    public var description: String { hex }
}

/// Why bytes or text are not a ``MerkleHash``.
public enum MerkleHashError: Error, Hashable, Sendable {
    /// Not 32 bytes; the associated value is the length found.
    case wrongLength(Int)
    /// Not canonical standard base64.
    case malformedBase64
    /// Not hexadecimal.
    case malformedHex
}
