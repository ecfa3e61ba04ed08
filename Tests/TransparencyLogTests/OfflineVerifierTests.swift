import Foundation
import Testing
import TransparencyLog

/// A small signed log of records, as the service would publish it.
struct PublishedLog {
    let origin = "kupangkota.go.id/asn/transparency-log"
    let signer: NoteSigner
    var tree = StoredTree()
    var records: [LogRecordDocument] = []

    init(recordCount: Int) throws {
        signer = try NoteSigner(keyName: origin, seed: (0 ..< 32).map { UInt8(255 - $0) })
        for number in 0 ..< recordCount {
            let record: JSONValue = ["announcementId": .string("a-\(number)"), "title": .string("Pengumuman \(number)"),
                                     "rank": .integer(Int64(number)), "passed": .bool(number % 2 == 0)]
            let committed = try RecordCommitment(record: record)
            records.append(LogRecordDocument(
                recordId: UUID().uuidString.lowercased(), kind: "announcement", leafIndex: number,
                salt: StrictBase64.encode(committed.salt), record: record, leafHash: committed.leafHash.base64))
            tree.append([committed.leafHash])
        }
    }

    func checkpoint(size: Int) throws -> String {
        try SignedCheckpoint.sign(Checkpoint(origin: origin, size: size, rootHash: tree.rootHash(size: size)),
                                  with: signer).note
    }

    func inclusion(_ index: Int, size: Int) throws -> InclusionProofDocument {
        InclusionProofDocument(leafIndex: index, treeSize: size,
                               hashes: try tree.inclusionProof(leafIndex: index, treeSize: size).map(\.base64))
    }

    func consistency(_ size1: Int, _ size2: Int) throws -> ConsistencyProofDocument {
        ConsistencyProofDocument(from: size1, to: size2,
                                 hashes: try tree.consistencyProof(size1: size1, size2: size2).map(\.base64))
    }
}

@Suite("Offline verification of records and checkpoints")
struct OfflineVerifierTests {
    let log = try! PublishedLog(recordCount: 21)

    @Test("every record verifies against checkpoints of every size that includes it")
    func valid() throws {
        for size in [1, 2, 5, 8, 13, 21] {
            let note = try log.checkpoint(size: size)
            for index in 0 ..< size {
                let result = try OfflineVerifier.verifyRecord(log.records[index], proof: log.inclusion(index, size: size),
                                                              checkpoint: note, key: log.signer.verifierKey)
                #expect(result.leafIndex == index && result.checkpoint.size == size)
            }
        }
        let (older, newer) = try OfflineVerifier.verifyConsistency(
            older: log.checkpoint(size: 5), newer: log.checkpoint(size: 21), proof: log.consistency(5, 21),
            key: log.signer.verifierKey)
        #expect(older.size == 5 && newer.size == 21)
    }

    @Test("a tampered record, salt, leaf hash, index, size, proof, checkpoint or key never verifies")
    func tampering() throws {
        let size = 13
        let index = 6
        let note = try log.checkpoint(size: size)
        let record = log.records[index]
        let proof = try log.inclusion(index, size: size)
        let key = log.signer.verifierKey
        var probes: [(String, LogRecordDocument, InclusionProofDocument, String, NoteVerifierKey)] = []
        for field in record.record.objectValue!.keys {
            var tampered = record
            var members = record.record.objectValue!
            members[field] = .string("tampered")
            tampered.record = .object(members)
            probes.append(("record field \(field)", tampered, proof, note, key))
        }
        var added = record
        added.record = .object(record.record.objectValue!.merging(["extra": true]) { $1 })
        probes.append(("added field", added, proof, note, key))
        var salted = record
        var saltBytes = StrictBase64.decode(record.salt)!
        saltBytes[0] ^= 1
        salted.salt = StrictBase64.encode(saltBytes)
        probes.append(("salt", salted, proof, note, key))
        // A record swapped for another leaf's record (with that record's own salt and hash) at this index.
        var swapped = log.records[index + 1]
        swapped.leafIndex = index
        probes.append(("another leaf's record", swapped, proof, note, key))
        var rehashed = record
        rehashed.leafHash = log.records[0].leafHash
        probes.append(("leaf hash", rehashed, proof, note, key))
        var moved = record
        moved.leafIndex = index + 1
        probes.append(("record index", moved, proof, note, key))
        var wrongIndex = proof
        wrongIndex.leafIndex = index + 1
        probes.append(("proof index", record, wrongIndex, note, key))
        probes.append(("proof for a bigger tree", record, try log.inclusion(index, size: size + 1), note, key))
        probes.append(("checkpoint of another size", record, proof, try log.checkpoint(size: size + 1), key))
        for position in proof.hashes.indices {
            var tampered = proof
            var bytes = StrictBase64.decode(proof.hashes[position])!
            bytes[31] ^= 0x10
            tampered.hashes[position] = StrictBase64.encode(bytes)
            probes.append(("proof hash \(position)", record, tampered, note, key))
        }
        var truncated = proof
        truncated.hashes.removeLast()
        probes.append(("truncated proof", record, truncated, note, key))
        let lines = note.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let forgedSize = ([lines[0], String(size + 1)] + lines[2...]).joined(separator: "\n")
        probes.append(("checkpoint size", record, proof, forgedSize, key))
        let forgedRoot = ([lines[0], lines[1], try log.tree.rootHash(size: size - 1).base64] + lines[3...])
            .joined(separator: "\n")
        probes.append(("checkpoint root", record, proof, forgedRoot, key))
        probes.append(("checkpoint origin", record, proof, note.replacingOccurrences(of: "transparency-log\n13",
                                                                                    with: "transparency-log2\n13"), key))
        let other = try NoteSigner(keyName: log.origin, seed: Array(repeating: 1, count: 32))
        probes.append(("another key", record, proof, note, other.verifierKey))
        let otherSigned = try SignedCheckpoint.sign(
            Checkpoint(origin: log.origin, size: size, rootHash: log.tree.rootHash(size: size)), with: other).note
        probes.append(("signed by another key", record, proof, otherSigned, key))
        for (name, probeRecord, probeProof, probeNote, probeKey) in probes {
            #expect(throws: OfflineVerificationError.self, "\(name) verified") {
                try OfflineVerifier.verifyRecord(probeRecord, proof: probeProof, checkpoint: probeNote, key: probeKey)
            }
        }
    }

    @Test("a consistency proof for other sizes or a rewritten log fails")
    func consistencyTampering() throws {
        let key = log.signer.verifierKey
        let older = try log.checkpoint(size: 5)
        let newer = try log.checkpoint(size: 21)
        #expect(throws: OfflineVerificationError.self) {
            try OfflineVerifier.verifyConsistency(older: older, newer: newer, proof: log.consistency(6, 21), key: key)
        }
        // A log that rewrote leaf 2 after checkpoint 5 cannot prove consistency.
        var rewritten = try PublishedLog(recordCount: 0)
        var hashes = log.tree.reference.leafHashes
        hashes[2] = RFC9162.leafHash([1, 2, 3])
        rewritten.tree = StoredTree(leafHashes: hashes)
        let forkedNewer = try SignedCheckpoint.sign(
            Checkpoint(origin: log.origin, size: 21, rootHash: rewritten.tree.rootHash(size: 21)), with: log.signer).note
        #expect(throws: OfflineVerificationError.self) {
            try OfflineVerifier.verifyConsistency(older: older, newer: forkedNewer, proof: rewritten.consistency(5, 21),
                                                  key: key)
        }
    }

    @Test("documents round-trip through JSON and are read strictly")
    func documents() throws {
        let record = log.records[3]
        let encoded = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
        #expect(try LogRecordDocument(json: encoded) == record)
        #expect(throws: LogDocumentError.missingField("leafIndex")) {
            try LogRecordDocument(json: encoded.replacingOccurrences(of: "\"leafIndex\"", with: "\"leafindex\""))
        }
        #expect(throws: LogDocumentError.self) { try InclusionProofDocument(json: #"{"leafIndex":1.5}"#) }
    }

    @Test("the asn-log-verify binary exits 0 for a valid record and 1 for a tampered one")
    func commandLine() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("asn-log-verify")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path),
                     "build the tool first: swift build --build-tests builds asn-log-verify")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("asn-log-verify-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ text: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let encoder = JSONEncoder()
        let record = log.records[4]
        let recordPath = try write("record.json", String(decoding: try encoder.encode(record), as: UTF8.self))
        let proofPath = try write("proof.json", String(decoding: try encoder.encode(log.inclusion(4, size: 9)),
                                                       as: UTF8.self))
        let checkpointPath = try write("checkpoint.txt", try log.checkpoint(size: 9))
        let keyPath = try write("key.txt", log.signer.verifierKey.encoded + "\n")
        var tamperedRecord = record
        tamperedRecord.record = .object(record.record.objectValue!.merging(["rank": 1]) { $1 })
        let tamperedPath = try write("tampered.json", String(decoding: try encoder.encode(tamperedRecord),
                                                             as: UTF8.self))
        let olderPath = try write("older.txt", try log.checkpoint(size: 3))
        let consistencyPath = try write("consistency.json", String(decoding: try encoder.encode(log.consistency(3, 9)),
                                                                   as: UTF8.self))

        func run(_ arguments: [String]) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        let valid = try run(["--record", recordPath, "--proof", proofPath, "--checkpoint", checkpointPath,
                             "--key", log.signer.verifierKey.encoded,
                             "--previous-checkpoint", olderPath, "--consistency-proof", consistencyPath])
        #expect(valid.0 == 0, "\(valid.1)")
        #expect(valid.1.contains("is in the tree of 9 leaves"))
        #expect(valid.1.contains("extends the one of 3 leaves"))
        let tampered = try run(["--record", tamperedPath, "--proof", proofPath, "--checkpoint", checkpointPath,
                                "--key-file", keyPath])
        #expect(tampered.0 == 1)
        #expect(tampered.1.contains("record was altered"), "\(tampered.1)")
        let usage = try run(["--checkpoint", checkpointPath, "--key-file", keyPath])
        #expect(usage.0 == 64)
    }
}
