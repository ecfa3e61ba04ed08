import Testing
import TransparencyLog

@Suite("Proofs from stored nodes agree with the RFC 9162 reference and verify")
struct ProofAgreementTests {
    @Test("every index and size pair of trees up to 40 leaves")
    func exhaustiveSmallTrees() throws {
        var generator = SeededGenerator(seed: 9162)
        let tree = StoredTree(size: 40, using: &generator)
        for size in 0 ... 40 {
            let root = tree.reference.rootHash(size: size)
            #expect(try tree.rootHash(size: size) == root, "root of \(size)")
            for index in 0 ..< size {
                let proof = try tree.inclusionProof(leafIndex: index, treeSize: size)
                #expect(proof == (try tree.reference.inclusionProof(leafIndex: index, treeSize: size)))
                try MerkleVerifier.verifyInclusion(leafHash: tree.reference.leafHashes[index], leafIndex: index,
                                                   treeSize: size, proof: proof, root: root)
            }
            for size1 in 0 ... size {
                let proof = try tree.consistencyProof(size1: size1, size2: size)
                #expect(proof == (try tree.reference.consistencyProof(size1: size1, size2: size)))
                try MerkleVerifier.verifyConsistency(size1: size1, size2: size, proof: proof,
                                                     root1: tree.reference.rootHash(size: size1), root2: root)
            }
        }
    }

    @Test("random pairs in trees of a few hundred leaves", arguments: [97, 128, 255, 256, 257, 300, 511])
    func randomLargerTrees(size: Int) throws {
        var generator = SeededGenerator(seed: UInt64(size))
        let tree = StoredTree(size: size, using: &generator)
        #expect(tree.range.rootHash == tree.reference.rootHash())
        #expect(tree.range.borderNodeIDs.count == size.nonzeroBitCount)
        for _ in 0 ..< 150 {
            let treeSize = Int.random(in: 1 ... size, using: &generator)
            let index = Int.random(in: 0 ..< treeSize, using: &generator)
            let size1 = Int.random(in: 0 ... treeSize, using: &generator)
            let root = tree.reference.rootHash(size: treeSize)
            #expect(try tree.rootHash(size: treeSize) == root)
            let inclusion = try tree.inclusionProof(leafIndex: index, treeSize: treeSize)
            #expect(inclusion == (try tree.reference.inclusionProof(leafIndex: index, treeSize: treeSize)))
            try MerkleVerifier.verifyInclusion(leafHash: tree.reference.leafHashes[index], leafIndex: index,
                                               treeSize: treeSize, proof: inclusion, root: root)
            let consistency = try tree.consistencyProof(size1: size1, size2: treeSize)
            #expect(consistency == (try tree.reference.consistencyProof(size1: size1, size2: treeSize)))
            try MerkleVerifier.verifyConsistency(size1: size1, size2: treeSize, proof: consistency,
                                                 root1: tree.reference.rootHash(size: size1), root2: root)
        }
    }

    @Test("the appender stores each perfect subtree once, and resumes from its border")
    func appenderResumes() throws {
        var generator = SeededGenerator(seed: 42)
        let whole = StoredTree(size: 300, using: &generator)
        // Every perfect subtree of 300 leaves, and nothing else.
        var expected = 0
        var level = 0
        while 1 << level <= 300 {
            expected += 300 >> level
            level += 1
        }
        #expect(whole.nodes.count == expected)
        for cut in [0, 1, 7, 64, 150, 299] {
            var first = CompactRange()
            first.append(leafHashes: whole.reference.leafHashes.prefix(cut))
            var resumed = try CompactRange(size: first.size, border: first.border)
            let ids = resumed.borderNodeIDs
            #expect(resumed.border == ids.map { whole.nodes[$0]! })
            resumed.append(leafHashes: whole.reference.leafHashes.dropFirst(cut))
            #expect(resumed == whole.range)
        }
        #expect(throws: CompactRangeError.wrongBorderLength(size: 3, expected: 2, actual: 1)) {
            try CompactRange(size: 3, border: [RFC9162.emptyRootHash])
        }
    }

    @Test("plans refuse sizes out of order and answer missing nodes with a typed error")
    func planErrors() throws {
        #expect(throws: MerkleProofError.sizesOutOfOrder(from: 5, to: 4)) {
            try TreeLayout.consistencyPlan(from: 5, to: 4)
        }
        #expect(throws: MerkleProofError.leafIndexOutOfRange(leafIndex: 4, treeSize: 4)) {
            try TreeLayout.inclusionPlan(leafIndex: 4, treeSize: 4)
        }
        var generator = SeededGenerator(seed: 7)
        let tree = StoredTree(size: 5, using: &generator)
        // Nodes of a tree of 5 cannot answer for a tree of 8.
        #expect(throws: NodePlanError.self) { try tree.inclusionProof(leafIndex: 0, treeSize: 8) }
        let plan = try TreeLayout.inclusionPlan(leafIndex: 2, treeSize: 5)
        #expect(throws: NodePlanError.wrongHashCount(expected: plan.nodeIDs.count, actual: 0)) {
            try plan.assemble(orderedHashes: [])
        }
    }
}
