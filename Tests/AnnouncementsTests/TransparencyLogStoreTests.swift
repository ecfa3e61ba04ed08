import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents
import TestSupport
import Testing
import TransparencyLog
@testable import Announcements

/// The persistent transparency log against the real PostgreSQL: appends, idempotency, atomicity, concurrency, and
/// proofs that verify and agree with the in-memory reference.
@Suite struct TransparencyLogStoreTests {
    @Test func batchAppendsAnswerEntriesAndRecordsReadBack() async throws {
        try await TransparencyLogHarness.run { log in
            let inputs = TransparencyLogHarness.records(5)
            let logged = try await log.store.append(inputs)
            #expect(logged.map(\.leafIndex) == [0, 1, 2, 3, 4])
            #expect(logged.map(\.recordId) == inputs.map(\.id))
            let more = try await log.store.append(TransparencyLogHarness.records(3, tag: "b"))
            #expect(more.map(\.leafIndex) == [5, 6, 7])
            #expect(try await log.store.treeSize() == 8)

            let found = try #require(try await log.store.record(id: inputs[2].id))
            #expect(found == logged[2])
            let document = try found.document()
            #expect(document.record == inputs[2].record)
            #expect(document.recordId == inputs[2].id.uuidString.lowercased())
            // The document alone recomputes the leaf: salt + canonical JSON.
            let recomputed = try RecordCommitment(record: document.record, salt: StrictBase64.decode(document.salt)!)
            #expect(recomputed.leafHash.base64 == document.leafHash)
            #expect(try await log.store.record(id: UUID()) == nil)
        }
    }

    @Test func proofsFromTheStoreVerifyAndAgreeWithTheReference() async throws {
        try await TransparencyLogHarness.run { log in
            var generator = SystemRandomNumberGenerator()
            var sizes: [Int] = []
            for batch in [1, 1, 2, 3, 1, 8, 17, 31, 64, 1, 100] {
                _ = try await log.store.append(TransparencyLogHarness.records(batch, tag: "\(sizes.count)-"))
                sizes.append(try await log.store.treeSize())
            }
            let reference = InMemoryMerkleTree(leafHashes: try await log.leafHashes())
            #expect(reference.size == 229)
            try await log.client.withConnection { connection in
                for size in 0 ... reference.size {
                    let root = try await log.store.rootHash(treeSize: size, on: connection)
                    #expect(root == reference.rootHash(size: size), "root of \(size)")
                }
            }
            for size in sizes + [2, 7, 100, 128, 129] {
                let root = reference.rootHash(size: size)
                for index in Set((0 ..< 6).map { _ in Int.random(in: 0 ..< size, using: &generator) } + [0, size - 1]) {
                    let proof = try await log.store.inclusionProof(leafIndex: index, treeSize: size)
                    #expect(proof == (try reference.inclusionProof(leafIndex: index, treeSize: size)))
                    try MerkleVerifier.verifyInclusion(leafHash: reference.leafHashes[index], leafIndex: index,
                                                       treeSize: size, proof: proof, root: root)
                }
                for from in Set([0, 1, size / 2, size - 1, size, Int.random(in: 1 ... size, using: &generator)]) {
                    let proof = try await log.store.consistencyProof(from: from, to: size)
                    #expect(proof == (try reference.consistencyProof(size1: from, size2: size)))
                    try MerkleVerifier.verifyConsistency(size1: from, size2: size, proof: proof,
                                                         root1: reference.rootHash(size: from), root2: root)
                }
            }
            // The head's border is the reference's.
            try await log.client.withConnection { connection in
                try await PostgresTransaction.run(on: connection, logger: TestPostgres.logger) { connection in
                    let range = try await log.store.lockHead(on: connection)
                    #expect(range.size == 229 && range.rootHash == reference.rootHash())
                }
            }
        }
    }

    @Test func proofsBeyondTheTreeAreRefusedWithTypedErrors() async throws {
        try await TransparencyLogHarness.run { log in
            _ = try await log.store.append(TransparencyLogHarness.records(5))
            await #expect(throws: TransparencyLogStoreError.treeSizeBeyondLog(requested: 6, logSize: 5)) {
                try await log.store.inclusionProof(leafIndex: 0, treeSize: 6)
            }
            await #expect(throws: TransparencyLogStoreError.leafIndexBeyondTree(leafIndex: 5, treeSize: 5)) {
                try await log.store.inclusionProof(leafIndex: 5, treeSize: 5)
            }
            await #expect(throws: TransparencyLogStoreError.treeSizeBeyondLog(requested: 9, logSize: 5)) {
                try await log.store.consistencyProof(from: 1, to: 9)
            }
            await #expect(throws: TransparencyLogStoreError.sizesOutOfOrder(from: 4, to: 3)) {
                try await log.store.consistencyProof(from: 4, to: 3)
            }
        }
    }

    @Test func reappendingIsIdempotentAndConflictingContentIsRefused() async throws {
        try await TransparencyLogHarness.run { log in
            let inputs = TransparencyLogHarness.records(4)
            let first = try await log.store.append(inputs)
            // The same ids again (with a new one in between): the same entries, only the new one is appended.
            let extra = TransparencyLogHarness.records(1, tag: "x")[0]
            let again = try await log.store.append([inputs[1], extra, inputs[3], inputs[1]])
            #expect(again[0] == first[1] && again[2] == first[3] && again[3] == first[1])
            #expect(again[1].leafIndex == 4)
            #expect(try await log.store.treeSize() == 5)
            // Key order does not matter (canonical JSON); content does.
            var reordered = inputs[0]
            reordered.record = try JSONParser.parse(CanonicalJSON.string(inputs[0].record))
            #expect(try await log.store.append([reordered]) == [first[0]])
            var changed = inputs[0]
            changed.record = .object(inputs[0].record.objectValue!.merging(["score": "999.00"]) { $1 })
            await #expect(throws: TransparencyLogStoreError.conflictingRecord(recordId: inputs[0].id.eventKey)) {
                try await log.store.append([changed])
            }
            var otherKind = inputs[0]
            otherKind.kind = "announcement"
            await #expect(throws: TransparencyLogStoreError.conflictingRecord(recordId: inputs[0].id.eventKey)) {
                try await log.store.append([otherKind])
            }
            let fresh = TransparencyLogHarness.records(1, tag: "y")[0]
            var twin = fresh
            twin.record = ["different": true]
            await #expect(throws: TransparencyLogStoreError.conflictingRecord(recordId: fresh.id.eventKey)) {
                try await log.store.append([fresh, twin])
            }
            await #expect(throws: TransparencyLogStoreError.self) {
                try await log.store.append([LogRecordInput(id: UUID(), kind: "row", record: ["not", "an", "object"])])
            }
            #expect(try await log.store.treeSize() == 5)
        }
    }

    @Test func appendsCommitAndRollBackWithTheCallersTransaction() async throws {
        try await TransparencyLogHarness.run { log in
            struct Abort: Error {}
            let inputs = TransparencyLogHarness.records(3)
            await #expect(throws: Abort.self) {
                try await PostgresTransaction.run(on: log.client, logger: TestPostgres.logger) { connection in
                    _ = try await log.store.append(inputs, on: connection)
                    throw Abort()
                }
            }
            #expect(try await log.store.treeSize() == 0)
            #expect(try await log.store.record(id: inputs[0].id) == nil)
            let logged = try await PostgresTransaction.run(on: log.client, logger: TestPostgres.logger) { connection in
                try await log.store.append(inputs, on: connection)
            }
            #expect(logged.map(\.leafIndex) == [0, 1, 2])
        }
    }

    @Test func concurrentAppendersBuildOneConsistentTree() async throws {
        try await TransparencyLogHarness.run { log in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0 ..< 2 {
                    group.addTask {
                        for batch in 0 ..< 15 {
                            _ = try await log.store.append(
                                TransparencyLogHarness.records(1 + (batch * 7 + writer) % 9, tag: "\(writer)-\(batch)-"))
                        }
                    }
                }
                try await group.waitForAll()
            }
            let hashes = try await log.leafHashes()
            let size = try await log.store.treeSize()
            #expect(hashes.count == size)
            let indexes = try await log.client.query(
                "SELECT count(DISTINCT leaf_index), min(leaf_index), max(leaf_index) FROM transparency_log_records",
                logger: TestPostgres.logger)
            for try await (distinct, low, high) in indexes.decode((Int64, Int64, Int64).self) {
                #expect(distinct == Int64(size) && low == 0 && high == Int64(size - 1))
            }
            // Every stored node is the reference's, and there are exactly the perfect subtrees of the tree.
            let reference = InMemoryMerkleTree(leafHashes: hashes)
            let rows = try await log.client.query("SELECT level, index, hash FROM transparency_log_nodes",
                                                  logger: TestPostgres.logger)
            var count = 0
            for try await (level, index, hash) in rows.decode((Int16, Int64, ByteBuffer).self) {
                let first = Int(index) << Int(level)
                let leaves = Array(reference.leafHashes[first ..< first + (1 << Int(level))])
                #expect(try MerkleHash(bytes: Array(buffer: hash)) == InMemoryMerkleTree(leafHashes: leaves).rootHash())
                count += 1
            }
            var expected = 0
            var level = 0
            while 1 << level <= size {
                expected += size >> level
                level += 1
            }
            #expect(count == expected)
            let root = try await log.client.withConnection { connection in
                try await log.store.rootHash(treeSize: size, on: connection)
            }
            #expect(root == reference.rootHash())
        }
    }
}
