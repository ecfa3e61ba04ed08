/// The reference Merkle tree of RFC 9162 §2.1, computed straight from the definitions over an in-memory list of leaf
/// hashes: the tree head (MTH, §2.1.1), inclusion proofs (PATH, §2.1.3.1) and consistency proofs (PROOF/SUBPROOF,
/// §2.1.4.1). Recursive and unoptimised on purpose: it is the yardstick tests hold the persistent log against, and
/// serves small trees.
public struct InMemoryMerkleTree: Sendable, Hashable {
    /// The leaf hashes, in log order.
    public private(set) var leafHashes: [MerkleHash]

    /// A tree of the given leaf hashes.
    public init(leafHashes: [MerkleHash] = []) {
        self.leafHashes = leafHashes
    }

    /// A tree whose leaves are the RFC 9162 leaf hashes of `leafData`.
    public init(leafData: [[UInt8]]) {
        self.leafHashes = leafData.map { RFC9162.leafHash($0) }
    }

    /// The number of leaves.
    public var size: Int { leafHashes.count }

    /// Appends a leaf hash.
    public mutating func append(leafHash: MerkleHash) {
        leafHashes.append(leafHash)
    }

    /// The tree head of the first `size` leaves (the whole tree by default).
    public func rootHash(size: Int? = nil) -> MerkleHash {
        let n = size ?? leafHashes.count
        precondition(n >= 0 && n <= leafHashes.count, "size beyond the tree")
        return Self.mth(leafHashes[0 ..< n])
    }

    /// The inclusion proof of leaf `leafIndex` in the tree of the first `treeSize` leaves.
    public func inclusionProof(leafIndex: Int, treeSize: Int) throws(MerkleProofError) -> [MerkleHash] {
        guard treeSize >= 0, treeSize <= leafHashes.count else { throw .negativeTreeSize(treeSize) }
        guard leafIndex >= 0, leafIndex < treeSize else {
            throw .leafIndexOutOfRange(leafIndex: leafIndex, treeSize: treeSize)
        }
        return Self.path(leafIndex, leafHashes[0 ..< treeSize])
    }

    /// The consistency proof from the tree of the first `size1` leaves to that of the first `size2`.
    public func consistencyProof(size1: Int, size2: Int) throws(MerkleProofError) -> [MerkleHash] {
        guard size1 >= 0 else { throw .negativeTreeSize(size1) }
        guard size1 <= size2, size2 <= leafHashes.count else { throw .sizesOutOfOrder(from: size1, to: size2) }
        guard size1 > 0, size1 < size2 else { return [] }
        return Self.subproof(size1, leafHashes[0 ..< size2], complete: true)
    }

    static func mth(_ d: ArraySlice<MerkleHash>) -> MerkleHash {
        switch d.count {
        case 0: return RFC9162.emptyRootHash
        case 1: return d[d.startIndex]
        default:
            let k = RFC9162.split(d.count)
            let mid = d.startIndex + k
            return RFC9162.nodeHash(mth(d[d.startIndex ..< mid]), mth(d[mid...]))
        }
    }

    static func path(_ m: Int, _ d: ArraySlice<MerkleHash>) -> [MerkleHash] {
        guard d.count > 1 else { return [] }
        let k = RFC9162.split(d.count)
        let mid = d.startIndex + k
        if m < k {
            return path(m, d[d.startIndex ..< mid]) + [mth(d[mid...])]
        }
        return path(m - k, d[mid...]) + [mth(d[d.startIndex ..< mid])]
    }

    static func subproof(_ m: Int, _ d: ArraySlice<MerkleHash>, complete: Bool) -> [MerkleHash] {
        let n = d.count
        if m == n { return complete ? [] : [mth(d)] }
        let k = RFC9162.split(n)
        let mid = d.startIndex + k
        if m <= k {
            return subproof(m, d[d.startIndex ..< mid], complete: complete) + [mth(d[mid...])]
        }
        return subproof(m - k, d[mid...], complete: false) + [mth(d[d.startIndex ..< mid])]
    }
}
