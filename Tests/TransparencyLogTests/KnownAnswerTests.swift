import Testing
import TransparencyLog

@Suite("RFC 6962 known-answer vectors (transparency-dev/merkle)")
struct KnownAnswerTests {
    let tree = StoredTree(leafHashes: KnownAnswerVectors.leafInputs.map { RFC9162.leafHash($0) })

    @Test("the empty tree's root is SHA-256 of nothing")
    func emptyRoot() throws {
        #expect(RFC9162.emptyRootHash.hex == KnownAnswerVectors.emptyRootHex)
        #expect(InMemoryMerkleTree().rootHash() == RFC9162.emptyRootHash)
        #expect(CompactRange().rootHash == RFC9162.emptyRootHash)
        #expect(try TreeLayout.rootPlan(treeSize: 0).assemble([:]) == [RFC9162.emptyRootHash])
    }

    @Test("roots of sizes 1 to 8: reference, appender and stored nodes", arguments: 1 ... 8)
    func roots(size: Int) throws {
        let expected = KnownAnswerVectors.root(size: size)
        #expect(tree.reference.rootHash(size: size) == expected)
        #expect(try tree.rootHash(size: size) == expected)
        var range = CompactRange()
        range.append(leafHashes: tree.reference.leafHashes.prefix(size))
        #expect(range.rootHash == expected)
    }

    @Test("inclusion proofs are generated and verify", arguments: KnownAnswerVectors.inclusionProofs)
    func inclusion(vector: KnownAnswerVectors.Inclusion) throws {
        let index = vector.leaf - 1
        let expected = vector.proofHex.map(KnownAnswerVectors.hash)
        #expect(try tree.reference.inclusionProof(leafIndex: index, treeSize: vector.size) == expected)
        #expect(try tree.inclusionProof(leafIndex: index, treeSize: vector.size) == expected)
        try MerkleVerifier.verifyInclusion(
            leafHash: RFC9162.leafHash(KnownAnswerVectors.leafInputs[index]), leafIndex: index,
            treeSize: vector.size, proof: expected, root: KnownAnswerVectors.root(size: vector.size))
    }

    @Test("consistency proofs are generated and verify", arguments: KnownAnswerVectors.consistencyProofs)
    func consistency(vector: KnownAnswerVectors.Consistency) throws {
        let expected = vector.proofHex.map(KnownAnswerVectors.hash)
        #expect(try tree.reference.consistencyProof(size1: vector.size1, size2: vector.size2) == expected)
        #expect(try tree.consistencyProof(size1: vector.size1, size2: vector.size2) == expected)
        try MerkleVerifier.verifyConsistency(
            size1: vector.size1, size2: vector.size2, proof: expected,
            root1: KnownAnswerVectors.root(size: vector.size1), root2: KnownAnswerVectors.root(size: vector.size2))
    }

    @Test("the edge cases of consistency verification from transparency-dev/merkle")
    func consistencyEdgeCases() {
        let root1 = RFC9162.leafHash(Array("don't care 1".utf8))
        let root2 = RFC9162.leafHash(Array("don't care 2".utf8))
        let empty = RFC9162.emptyRootHash
        let cases: [(Int, Int, MerkleHash, MerkleHash, [MerkleHash], Bool)] = [
            (0, 0, root1, root2, [], false),
            (1, 1, root1, root2, [], false),
            (0, 0, root1, root1, [], true),
            (0, 1, root1, root2, [], true),
            (1, 1, root2, root2, [], true),
            (1, 0, root1, root2, [], false),
            (2, 1, root1, root2, [], false),
            (1, 2, root1, root2, [], false),
            (0, 0, empty, root2, [], false),
            (1, 1, empty, root2, [], false),
            (0, 0, empty, empty, [empty], false),
            (0, 1, empty, empty, [empty], false),
            (1, 1, empty, empty, [empty], false),
        ]
        for (size1, size2, first, second, proof, valid) in cases {
            let result = Result { () throws(MerkleProofError) in
                try MerkleVerifier.verifyConsistency(size1: size1, size2: size2, proof: proof, root1: first,
                                                     root2: second)
            }
            #expect(((try? result.get()) != nil) == valid, "\(size1) to \(size2) with \(proof.count) hashes")
        }
    }

    @Test("inclusion in impossible trees never verifies")
    func inclusionEdgeCases() {
        let some = KnownAnswerVectors.hash("abacaba000000000000000000000000000000000000000000060061e00123456")
        for (index, size) in [(0, 0), (1, 0), (2, 1), (-1, 4)] {
            #expect(throws: MerkleProofError.self) {
                try MerkleVerifier.verifyInclusion(leafHash: some, leafIndex: index, treeSize: size, proof: [],
                                                   root: RFC9162.emptyRootHash)
            }
            #expect(throws: MerkleProofError.self) { try TreeLayout.inclusionPlan(leafIndex: index, treeSize: size) }
        }
        // A single-leaf tree: the leaf hash is the root, the proof is empty.
        let leaf = RFC9162.leafHash(Array("data".utf8))
        #expect(throws: Never.self) {
            try MerkleVerifier.verifyInclusion(leafHash: leaf, leafIndex: 0, treeSize: 1, proof: [], root: leaf)
        }
        #expect(throws: MerkleProofError.rootMismatch) {
            try MerkleVerifier.verifyInclusion(leafHash: leaf, leafIndex: 0, treeSize: 1, proof: [], root: some)
        }
    }
}
