import Testing
import TransparencyLog

/// Every tampered proof, index, size, leaf or root must fail to verify.
@Suite("Mutation probes: tampered proofs never verify")
struct MutationProbeTests {
    static let tree: StoredTree = {
        var generator = SeededGenerator(seed: 6962)
        return StoredTree(size: 70, using: &generator)
    }()

    static let inclusionCases: [(index: Int, size: Int)] = [
        (0, 2), (1, 2), (0, 3), (2, 3), (5, 8), (7, 8), (0, 13), (12, 13), (6, 13), (31, 64), (40, 70), (69, 70),
    ]

    static let consistencyCases: [(size1: Int, size2: Int)] = [
        (1, 2), (2, 3), (1, 8), (6, 8), (4, 13), (7, 13), (12, 13), (32, 64), (33, 70), (63, 70), (64, 70),
    ]

    @Test("tampered inclusion proofs", arguments: 0 ..< inclusionCases.count)
    func inclusion(caseNumber: Int) throws {
        let (index, size) = Self.inclusionCases[caseNumber]
        let tree = Self.tree
        let leaf = tree.reference.leafHashes[index]
        let root = tree.reference.rootHash(size: size)
        let proof = try tree.inclusionProof(leafIndex: index, treeSize: size)
        try MerkleVerifier.verifyInclusion(leafHash: leaf, leafIndex: index, treeSize: size, proof: proof, root: root)

        var probes: [(String, Int, Int, MerkleHash, MerkleHash, [MerkleHash])] = [
            ("index - 1", index - 1, size, leaf, root, proof),
            ("index + 1", index + 1, size, leaf, root, proof),
            ("index ^ 2", index ^ 2, size, leaf, root, proof),
            ("size * 2", index, size * 2, leaf, root, proof),
            ("size / 2", index, size / 2, leaf, root, proof),
            ("other leaf", index, size, tree.reference.leafHashes[(index + 1) % size], root, proof),
            ("empty root", index, size, leaf, RFC9162.emptyRootHash, proof),
            ("other root", index, size, leaf, tree.reference.rootHash(size: size - 1), proof),
            ("trailing root", index, size, leaf, root, proof + [root]),
            ("trailing leaf", index, size, leaf, root, proof + [leaf]),
            ("preceding root", index, size, leaf, root, [root] + proof),
            ("truncated", index, size, leaf, root, Array(proof.dropLast())),
            ("first removed", index, size, leaf, root, Array(proof.dropFirst())),
            ("reversed", index, size, leaf, root, proof.count > 1 ? proof.reversed() : proof + [leaf]),
        ]
        if proof.count > 1 {
            probes.append(("inserted", index, size, leaf, root, [proof[0], root] + proof.dropFirst()))
        }
        for (position, hash) in proof.enumerated() {
            for bit in 0 ..< 256 {
                var tampered = proof
                tampered[position] = hash.flipping(bit: bit)
                probes.append(("proof[\(position)] bit \(bit)", index, size, leaf, root, tampered))
            }
        }
        for bit in 0 ..< 256 {
            probes.append(("leaf bit \(bit)", index, size, leaf.flipping(bit: bit), root, proof))
            probes.append(("root bit \(bit)", index, size, leaf, root.flipping(bit: bit), proof))
        }
        for (name, probeIndex, probeSize, probeLeaf, probeRoot, probeProof) in probes {
            #expect(throws: MerkleProofError.self, "\(name) verified for leaf \(index) of \(size)") {
                try MerkleVerifier.verifyInclusion(leafHash: probeLeaf, leafIndex: probeIndex, treeSize: probeSize,
                                                   proof: probeProof, root: probeRoot)
            }
        }
    }

    @Test("tampered consistency proofs", arguments: 0 ..< consistencyCases.count)
    func consistency(caseNumber: Int) throws {
        let (size1, size2) = Self.consistencyCases[caseNumber]
        let tree = Self.tree
        let root1 = tree.reference.rootHash(size: size1)
        let root2 = tree.reference.rootHash(size: size2)
        let proof = try tree.consistencyProof(size1: size1, size2: size2)
        try MerkleVerifier.verifyConsistency(size1: size1, size2: size2, proof: proof, root1: root1, root2: root2)

        var probes: [(String, Int, Int, MerkleHash, MerkleHash, [MerkleHash])] = [
            ("size1 - 1", size1 - 1, size2, root1, root2, proof),
            ("size1 + 1", size1 + 1, size2, root1, root2, proof),
            ("size1 ^ 2", size1 ^ 2, size2, root1, root2, proof),
            ("size2 * 2", size1, size2 * 2, root1, root2, proof),
            ("size2 / 2", size1, size2 / 2, root1, root2, proof),
            ("wrong root1", size1, size2, tree.reference.rootHash(size: size1 + 1), root2, proof),
            ("wrong root2", size1, size2, root1, tree.reference.rootHash(size: size2 - 1), proof),
            ("swapped roots", size1, size2, root2, root1, proof),
            ("empty proof", size1, size2, root1, root2, []),
            ("trailing root1", size1, size2, root1, root2, proof + [root1]),
            ("trailing root2", size1, size2, root1, root2, proof + [root2]),
            ("preceding root1", size1, size2, root1, root2, [root1] + proof),
            ("preceding root2", size1, size2, root1, root2, [root2] + proof),
            ("preceding proof[0]", size1, size2, root1, root2, [proof[0]] + proof),
            ("truncated", size1, size2, root1, root2, Array(proof.dropLast())),
            ("first removed", size1, size2, root1, root2, Array(proof.dropFirst())),
        ]
        for (position, hash) in proof.enumerated() {
            for bit in 0 ..< 256 {
                var tampered = proof
                tampered[position] = hash.flipping(bit: bit)
                probes.append(("proof[\(position)] bit \(bit)", size1, size2, root1, root2, tampered))
            }
        }
        for bit in 0 ..< 256 {
            probes.append(("root1 bit \(bit)", size1, size2, root1.flipping(bit: bit), root2, proof))
            probes.append(("root2 bit \(bit)", size1, size2, root1, root2.flipping(bit: bit), proof))
        }
        for (name, probeSize1, probeSize2, probeRoot1, probeRoot2, probeProof) in probes {
            #expect(throws: MerkleProofError.self, "\(name) verified for \(size1) to \(size2)") {
                try MerkleVerifier.verifyConsistency(size1: probeSize1, size2: probeSize2, proof: probeProof,
                                                     root1: probeRoot1, root2: probeRoot2)
            }
        }
    }
}
