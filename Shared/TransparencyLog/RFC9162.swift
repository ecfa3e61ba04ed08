import Crypto

/// The Merkle tree hashing of RFC 9162 §2.1 (the same as RFC 6962 §2.1) with SHA-256.
///
/// - leaf hash: `SHA-256(0x00 || leaf data)`
/// - node hash: `SHA-256(0x01 || left child hash || right child hash)`
/// - the root of the empty tree: `SHA-256("")`
/// - the root of `n > 1` leaves: the node hash of the root of the first `k` leaves and the root of the remaining
///   `n - k`, where `k` is the largest power of two smaller than `n`.
public enum RFC9162 {
    /// The root hash of the empty tree, `SHA-256("")`.
    public static let emptyRootHash = MerkleHash(unchecked: Array(SHA256.hash(data: [UInt8]())))

    /// `SHA-256(0x00 || data)`.
    public static func leafHash(_ data: some Sequence<UInt8>) -> MerkleHash {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: Array(data))
        return MerkleHash(unchecked: Array(hasher.finalize()))
    }

    /// `SHA-256(0x01 || left || right)`.
    public static func nodeHash(_ left: MerkleHash, _ right: MerkleHash) -> MerkleHash {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left.bytes)
        hasher.update(data: right.bytes)
        return MerkleHash(unchecked: Array(hasher.finalize()))
    }

    /// The largest power of two strictly smaller than `n` (`n >= 2`): the split point of RFC 9162 §2.1.1.
    static func split(_ n: Int) -> Int {
        precondition(n >= 2)
        return 1 << (Int.bitWidth - 1 - (n - 1).leadingZeroBitCount)
    }
}
