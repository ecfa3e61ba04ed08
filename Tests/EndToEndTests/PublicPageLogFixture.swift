import Foundation
import TransparencyLog

/// A small transparency log built with the reference implementation (`TransparencyLog`), served to the public page
/// in place of the service's `/v1/log/*` answers: it checks the page's own verification (canonical JSON, SHA-256
/// commitment, RFC 9162 inclusion, Ed25519 checkpoint signature in WebCrypto) against the Swift code the service and
/// the offline verifier use, for a genuine record and for tampered ones.
struct PublicPageLogFixture {
    static let origin = "kupangkota.go.id/asn/transparency-log"

    /// One answer the page's `fetch` gets instead of the network's.
    struct Answer {
        var status = 200
        var type = "application/json"
        var body: String
    }

    let recordIds: [UUID]
    private let records: [JSONValue]
    private let commitments: [RecordCommitment]
    private let tree: InMemoryMerkleTree
    private let signer: NoteSigner
    private let checkpoint: SignedCheckpoint

    init() throws {
        // Strings that need JSON escaping and keys that need sorting, as real records may carry.
        records = (0..<5).map { index in
            .object([
                "participantNumber": .string("24537101004\(String(format: "%02d", index))"),
                "total": .integer(Int64(300 + index)),
                "meetsPassingGrade": .bool(index % 2 == 0),
                "note": .string("Baris \"uji\" \(index)\nKupang é ✓ \u{1F600}"),
                "detail": .object(["twk": .integer(90), "Tiu": .integer(100), "a": .null]),
                "codes": .array([.string("P"), .integer(1)]),
            ])
        }
        recordIds = records.map { _ in UUID() }
        commitments = try records.map { try RecordCommitment(record: $0) }
        tree = InMemoryMerkleTree(leafHashes: commitments.map(\.leafHash))
        signer = try NoteSigner(keyName: Self.origin, seed: (0..<32).map { _ in UInt8.random(in: 0...255) })
        checkpoint = try SignedCheckpoint.sign(
            Checkpoint(origin: Self.origin, size: records.count, rootHash: tree.rootHash()), with: signer)
    }

    enum Tampering { case none, record, proof, signature }

    /// The answers for checking record `index`, optionally tampered with, keyed by path (with query).
    func answers(for index: Int, tampering: Tampering = .none) throws -> [String: Answer] {
        var record = records[index]
        if tampering == .record, case .object(var members) = record {
            members["total"] = .integer(550)
            record = .object(members)
        }
        var proof = try tree.inclusionProof(leafIndex: index, treeSize: records.count).map(\.base64)
        if tampering == .proof {
            var bytes = try MerkleHash(base64: proof[0]).bytes
            bytes[0] ^= 0x01
            proof[0] = try MerkleHash(bytes: bytes).base64
        }
        var note = checkpoint.note
        if tampering == .signature {
            // The same checkpoint signed by another key under the log's name.
            let impostor = try NoteSigner(keyName: Self.origin, seed: (0..<32).map { _ in UInt8.random(in: 0...255) })
            note = try SignedCheckpoint.sign(checkpoint.checkpoint, with: impostor).note
        }
        let document: [String: Any] = [
            "recordId": recordIds[index].uuidString, "kind": "skd-result", "leafIndex": index,
            "salt": Data(commitments[index].salt).base64EncodedString(),
            "record": try JSONSerialization.jsonObject(with: try JSONEncoder().encode(record)),
            "leafHash": commitments[index].leafHash.base64,
        ]
        let key: [String: Any] = [
            "origin": Self.origin, "keyName": signer.keyName, "verifierKey": signer.verifierKey.encoded,
            "publicKey": Data(signer.verifierKey.publicKey).base64EncodedString(),
        ]
        func json(_ value: Any) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
        }
        return [
            "/v1/log/records/\(recordIds[index].uuidString.lowercased())": Answer(body: try json(document)),
            "/v1/log/checkpoint": Answer(type: "text/plain; charset=utf-8", body: note),
            "/v1/log/key": Answer(body: try json(key)),
            "/v1/log/proofs/inclusion?leafIndex=\(index)&treeSize=\(records.count)": Answer(body: try json([
                "leafIndex": index, "treeSize": records.count, "hashes": proof,
            ] as [String: Any])),
        ]
    }

    /// A script (for WebDriver, `arguments[0]` = the answers) that makes the page's `fetch` serve them.
    static let installScript = """
        const answers = arguments[0];
        const network = window.__networkFetch || window.fetch.bind(window);
        window.__networkFetch = network;
        window.fetch = (input, init) => {
          const url = new URL(typeof input === "string" ? input : input.url, location.href);
          const answer = answers[url.pathname + url.search] || answers[url.pathname];
          if (!answer) return network(input, init);
          return Promise.resolve(new Response(answer.body, { status: answer.status, headers: { "Content-Type": answer.type } }));
        };
        return true;
        """

    /// The answers as the script's argument.
    static func argument(_ answers: [String: Answer]) -> [String: Any] {
        answers.mapValues { ["status": $0.status, "type": $0.type, "body": $0.body] as [String: Any] }
    }
}
