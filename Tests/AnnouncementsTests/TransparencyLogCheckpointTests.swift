import EventStore
import Foundation
import PostgresNIO
import RecruitmentEvents
import TestSupport
import Testing
import TransparencyLog
@testable import Announcements

/// Signed checkpoints against the real PostgreSQL: signing, idempotency per size, the event in the outbox, and the
/// refusal to sign when the stored tree no longer agrees with the last signed checkpoint.
@Suite struct TransparencyLogCheckpointTests {
    @Test func checkpointsAreSignedOncePerSizeAndAnnouncedAsEvents() async throws {
        try await TransparencyLogHarness.run { log in
            _ = try await log.store.append(TransparencyLogHarness.records(6))
            let first = try await log.signer.sign()
            #expect(first.isNew && first.checkpoint.treeSize == 6)
            let opened = try SignedCheckpoint.open(first.checkpoint.signedNote, key: log.verifierKey)
            #expect(opened.checkpoint.size == 6 && opened.checkpoint.origin == TransparencyLogHarness.origin)
            #expect(opened.checkpoint.rootHash == InMemoryMerkleTree(leafHashes: try await log.leafHashes()).rootHash())

            let again = try await log.signer.sign()
            #expect(!again.isNew && again.checkpoint == first.checkpoint)
            #expect(await log.signer.signNow() == first.checkpoint)

            _ = try await log.store.append(TransparencyLogHarness.records(5, tag: "b"))
            let second = try #require(await log.signer.signNow())
            #expect(second.treeSize == 11)
            #expect(try await log.store.latestCheckpoint() == second)
            // The two checkpoints are provably consistent, from the store's own proof.
            try MerkleVerifier.verifyConsistency(
                size1: 6, size2: 11, proof: try await log.store.consistencyProof(from: 6, to: 11),
                root1: first.checkpoint.rootHash, root2: second.rootHash)

            let events = try await log.eventStore.loadStream(TransparencyLogStore.checkpointStream)
            #expect(events.map(\.streamVersion) == [1, 2])
            let decoded = try events.map { try EventRegistry.standard.decode($0) as? CheckpointSignedV1 }
            #expect(decoded.map { $0?.treeSize } == [6, 11])
            #expect(decoded[1]?.signedNote == second.signedNote)
            #expect(decoded[1]?.rootHash == second.rootHash.base64)
            #expect(decoded[1]?.keyName == TransparencyLogHarness.origin)
        }
    }

    @Test func aTamperedNodeMakesSigningRefuse() async throws {
        try await TransparencyLogHarness.run { log in
            _ = try await log.store.append(TransparencyLogHarness.records(6))
            let signed = try await log.signer.sign().checkpoint
            // Rewrite history as someone with database access might: the subtree of leaves 0-3.
            try await log.execute("UPDATE transparency_log_nodes SET hash = sha256(hash) WHERE level = 2 AND index = 0")
            _ = try await log.store.append(TransparencyLogHarness.records(3, tag: "b"))
            await #expect(throws: TransparencyLogStoreError.self) { try await log.signer.sign() }
            #expect(await log.signer.signNow() == nil)
            #expect(try await log.store.latestCheckpoint() == signed)
            #expect(try await log.eventStore.loadStream(TransparencyLogStore.checkpointStream).count == 1)
        }
    }

    @Test func aTamperedOrShrunkHeadMakesSigningRefuse() async throws {
        try await TransparencyLogHarness.run { log in
            _ = try await log.store.append(TransparencyLogHarness.records(5))
            let signed = try await log.signer.sign().checkpoint
            _ = try await log.store.append(TransparencyLogHarness.records(2, tag: "b"))
            try await log.execute("UPDATE transparency_log_head SET border[1] = sha256(border[1])")
            await #expect(throws: TransparencyLogStoreError.self) { try await log.signer.sign() }
            try await log.execute("""
                UPDATE transparency_log_head SET tree_size = 4,
                    border = ARRAY[(SELECT hash FROM transparency_log_nodes WHERE level = 2 AND index = 0)]
                """)
            do {
                _ = try await log.signer.sign()
                Issue.record("a log smaller than its last checkpoint was signed")
            } catch TransparencyLogStoreError.inconsistentWithLastCheckpoint(let lastSize, let size, _) {
                #expect(lastSize == 5 && size == 4)
            }
            #expect(try await log.store.latestCheckpoint() == signed)
        }
    }

    @Test func aRecomputedButRewrittenTreeIsRefused() async throws {
        try await TransparencyLogHarness.run { log in
            _ = try await log.store.append(TransparencyLogHarness.records(4))
            _ = try await log.signer.sign()
            // A consistent-looking rewrite: new leaf 0 and every node above it recomputed, head updated to match.
            let hashes = try await log.leafHashes()
            var rewritten = hashes
            rewritten[0] = RFC9162.leafHash([0xFF])
            var range = CompactRange()
            let nodes = range.append(leafHashes: rewritten)
            for node in nodes {
                try await log.execute("""
                    UPDATE transparency_log_nodes SET hash = '\\x\(node.hash.hex)'
                    WHERE level = \(node.id.level) AND index = \(node.id.index)
                    """)
            }
            try await log.execute("UPDATE transparency_log_head SET border = ARRAY['\\x\(range.border[0].hex)'::bytea]")
            _ = try await log.store.append(TransparencyLogHarness.records(1, tag: "b"))
            await #expect(throws: TransparencyLogStoreError.self) { try await log.signer.sign() }
        }
    }

    @Test func theEmptyLogHasNoCheckpointUntilSigned() async throws {
        try await TransparencyLogHarness.run { log in
            #expect(try await log.store.latestCheckpoint() == nil)
            let empty = try await log.signer.sign().checkpoint
            #expect(empty.treeSize == 0 && empty.rootHash == RFC9162.emptyRootHash)
            _ = try await log.store.append(TransparencyLogHarness.records(1))
            #expect(await log.signer.signNow()?.treeSize == 1)
        }
    }
}

extension TransparencyLogCheckpointTests {
    @Test func aTamperedLeafNeverVerifiesAgainstTheSignedCheckpoint() async throws {
        try await TransparencyLogHarness.run { log in
            let inputs = TransparencyLogHarness.records(7)
            _ = try await log.store.append(inputs)
            let note = try await log.signer.sign().checkpoint.signedNote
            let record = try #require(try await log.store.record(id: inputs[2].id)).document()
            let proof = InclusionProofDocument(
                leafIndex: 2, treeSize: 7,
                hashes: try await log.store.inclusionProof(leafIndex: 2, treeSize: 7).map(\.base64))
            _ = try OfflineVerifier.verifyRecord(record, proof: proof, checkpoint: note, key: log.verifierKey)
            // Rewrite the published row in the database, leaf hash included: the signed root still gives it away.
            var tampered = record.record.objectValue!
            tampered["score"] = "999.00"
            let forged = try RecordCommitment(record: .object(tampered), salt: StrictBase64.decode(record.salt)!)
            try await log.execute("""
                UPDATE transparency_log_records SET canonical_json = '\(forged.canonicalJSON)',
                    leaf_hash = '\\x\(forged.leafHash.hex)' WHERE leaf_index = 2
                """)
            try await log.execute("""
                UPDATE transparency_log_nodes SET hash = '\\x\(forged.leafHash.hex)' WHERE level = 0 AND index = 2
                """)
            let served = try #require(try await log.store.record(id: inputs[2].id)).document()
            #expect(served.leafHash == forged.leafHash.base64)
            let servedProof = InclusionProofDocument(
                leafIndex: 2, treeSize: 7,
                hashes: try await log.store.inclusionProof(leafIndex: 2, treeSize: 7).map(\.base64))
            #expect(throws: OfflineVerificationError.self) {
                try OfflineVerifier.verifyRecord(served, proof: servedProof, checkpoint: note, key: log.verifierKey)
            }
        }
    }
}
