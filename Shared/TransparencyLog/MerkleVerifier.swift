/// Verification of inclusion and consistency proofs, exactly the algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2.
///
/// Browser reimplementation (WebCrypto), with `H(x)` = SHA-256 and `node(a, b) = H(0x01 || a || b)`:
///
/// Inclusion of leaf hash `h` at `leafIndex` in a tree of `treeSize` with `root`, proof `p[0..]`:
/// `leafIndex < treeSize` or fail; `fn = leafIndex`, `sn = treeSize - 1`, `r = h`; for each `p` in order: fail if
/// `sn == 0`; if `fn` is odd or `fn == sn` then `r = node(p, r)` and, while `fn` is even and `fn != 0`, shift `fn`
/// and `sn` right by one; else `r = node(r, p)`; then shift `fn` and `sn` right by one. Valid iff `sn == 0` and
/// `r == root`.
///
/// Consistency of `(size1, root1)` with `(size2, root2)`, proof `c[0..]`: `size1 <= size2`; if `size1 == size2` the
/// proof must be empty and the roots equal; if `size1 == 0` the proof must be empty (always consistent). Otherwise the
/// proof is non-empty; if `size1` is a power of two, prepend `root1` to it; `fn = size1 - 1`, `sn = size2 - 1`; while
/// `fn` is odd, shift both right; `fr = sr = c[0]`; for each later `c`: fail if `sn == 0`; if `fn` is odd or
/// `fn == sn` then `fr = node(c, fr)`, `sr = node(c, sr)` and, while `fn` is even and `fn != 0`, shift both right;
/// else `sr = node(sr, c)`; then shift both right by one. Valid iff `fr == root1`, `sr == root2` and `sn == 0`.
public enum MerkleVerifier {
    /// Verifies that `leafHash` is the leaf at `leafIndex` of the tree of `treeSize` leaves whose root is `root`.
    public static func verifyInclusion(leafHash: MerkleHash, leafIndex: Int, treeSize: Int, proof: [MerkleHash],
                                       root: MerkleHash) throws(MerkleProofError)
    {
        let computed = try rootFromInclusionProof(leafHash: leafHash, leafIndex: leafIndex, treeSize: treeSize,
                                                  proof: proof)
        guard computed == root else { throw .rootMismatch }
    }

    /// The root that an inclusion proof leads to from `leafHash` at `leafIndex` in a tree of `treeSize` leaves.
    public static func rootFromInclusionProof(leafHash: MerkleHash, leafIndex: Int, treeSize: Int,
                                              proof: [MerkleHash]) throws(MerkleProofError) -> MerkleHash
    {
        guard treeSize >= 0 else { throw .negativeTreeSize(treeSize) }
        guard leafIndex >= 0, leafIndex < treeSize else {
            throw .leafIndexOutOfRange(leafIndex: leafIndex, treeSize: treeSize)
        }
        var fn = leafIndex
        var sn = treeSize - 1
        var r = leafHash
        for p in proof {
            guard sn != 0 else { throw .proofTooLong }
            if fn & 1 == 1 || fn == sn {
                r = RFC9162.nodeHash(p, r)
                while fn & 1 == 0, fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                r = RFC9162.nodeHash(r, p)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw .proofTooShort }
        return r
    }

    /// Verifies that the tree of `size1` leaves with root `root1` is a prefix of the tree of `size2` leaves with root
    /// `root2`.
    public static func verifyConsistency(size1: Int, size2: Int, proof: [MerkleHash], root1: MerkleHash,
                                         root2: MerkleHash) throws(MerkleProofError)
    {
        guard size1 >= 0 else { throw .negativeTreeSize(size1) }
        guard size2 >= size1 else { throw .sizesOutOfOrder(from: size1, to: size2) }
        if size1 == size2 {
            guard proof.isEmpty else { throw .proofNotEmpty }
            guard root1 == root2 else { throw .differentRootsForSameSize }
            return
        }
        if size1 == 0 {
            guard proof.isEmpty else { throw .proofNotEmpty }
            return
        }
        guard !proof.isEmpty else { throw .proofTooShort }
        var path = proof
        if size1 & (size1 - 1) == 0 {
            path.insert(root1, at: 0)
        }
        var fn = size1 - 1
        var sn = size2 - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = path[0]
        var sr = path[0]
        for c in path.dropFirst() {
            guard sn != 0 else { throw .proofTooLong }
            if fn & 1 == 1 || fn == sn {
                fr = RFC9162.nodeHash(c, fr)
                sr = RFC9162.nodeHash(c, sr)
                while fn & 1 == 0, fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                sr = RFC9162.nodeHash(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { throw .proofTooShort }
        guard fr == root1, sr == root2 else { throw .rootMismatch }
    }
}
