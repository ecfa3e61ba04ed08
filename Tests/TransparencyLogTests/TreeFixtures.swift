import TransparencyLog

/// Trees for tests: a persistent-log stand-in that keeps every stored node in a dictionary, built by the appender.
struct StoredTree {
    var range = CompactRange()
    var nodes: [NodeID: MerkleHash] = [:]
    var reference = InMemoryMerkleTree()

    init(leafHashes: [MerkleHash] = []) {
        append(leafHashes)
    }

    /// A tree of `size` leaves with pseudo-random contents from `generator`.
    init(size: Int, using generator: inout some RandomNumberGenerator) {
        self.init(leafHashes: (0 ..< size).map { _ in
            RFC9162.leafHash((0 ..< 8).map { _ in UInt8.random(in: 0 ... 255, using: &generator) })
        })
    }

    mutating func append(_ leafHashes: [MerkleHash]) {
        for node in range.append(leafHashes: leafHashes) {
            precondition(nodes.updateValue(node.hash, forKey: node.id) == nil, "node \(node.id) stored twice")
        }
        for leafHash in leafHashes { reference.append(leafHash: leafHash) }
    }

    func inclusionProof(leafIndex: Int, treeSize: Int) throws -> [MerkleHash] {
        try TreeLayout.inclusionPlan(leafIndex: leafIndex, treeSize: treeSize).assemble(nodes)
    }

    func consistencyProof(size1: Int, size2: Int) throws -> [MerkleHash] {
        try TreeLayout.consistencyPlan(from: size1, to: size2).assemble(nodes)
    }

    func rootHash(size: Int) throws -> MerkleHash {
        try TreeLayout.rootPlan(treeSize: size).assemble(nodes)[0]
    }
}

/// A small deterministic generator (SplitMix64), so a failing random case can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension MerkleHash {
    /// This hash with bit `bit` (0 = most significant bit of byte 0) flipped.
    func flipping(bit: Int) -> MerkleHash {
        var bytes = self.bytes
        bytes[bit / 8] ^= 0x80 >> UInt8(bit % 8)
        return try! MerkleHash(bytes: bytes)
    }
}
