import Testing
import TransparencyLog

@Suite("C2SP checkpoints")
struct CheckpointTests {
    let origin = "kupangkota.go.id/asn/transparency-log"
    let signer = try! NoteSigner(keyName: "kupangkota.go.id/asn/transparency-log",
                                 seed: (0 ..< 32).map { UInt8($0 * 3) })
    let root = KnownAnswerVectors.root(size: 8)

    @Test("the body is origin, size and base64 root, one per line; the note adds a blank line and the signature")
    func format() throws {
        let checkpoint = try Checkpoint(origin: origin, size: 8, rootHash: root)
        #expect(checkpoint.body == "\(origin)\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n")
        let signed = try SignedCheckpoint.sign(checkpoint, with: signer)
        #expect(signed.note.hasPrefix(checkpoint.body + "\n\u{2014} \(origin) "))
        #expect(signed.note.hasSuffix("\n"))
        let opened = try SignedCheckpoint.open(signed.note, key: signer.verifierKey)
        #expect(opened.checkpoint == checkpoint)
        #expect(try Checkpoint(parsing: checkpoint.body) == checkpoint)
        let withExtension = try Checkpoint(origin: origin, size: 0, rootHash: RFC9162.emptyRootHash,
                                           extensionLines: ["x"])
        #expect(try Checkpoint(parsing: withExtension.body) == withExtension)
    }

    @Test("a tampered size, root or origin, a tampered signature or another key never opens")
    func tampering() throws {
        let checkpoint = try Checkpoint(origin: origin, size: 8, rootHash: root)
        let note = try SignedCheckpoint.sign(checkpoint, with: signer).note
        let signatureLine = String(note.split(separator: "\n").last!)
        let tamperedBodies = [
            "\(origin)\n9\n\(root.base64)\n",
            "\(origin)\n7\n\(root.base64)\n",
            "\(origin)\n8\n\(KnownAnswerVectors.root(size: 7).base64)\n",
            "\(origin)x\n8\n\(root.base64)\n",
            "example.com/other\n8\n\(root.base64)\n",
            "\(origin)\n8\n\(root.base64)\nextra\n",
        ]
        for body in tamperedBodies {
            #expect(throws: CheckpointError.self, "\(body)") {
                try SignedCheckpoint.open(body + "\n" + signatureLine + "\n", key: signer.verifierKey)
            }
        }
        let other = try NoteSigner(keyName: origin, seed: Array(repeating: 9, count: 32))
        #expect(throws: CheckpointError.signature(.noSignatureFromKey(keyName: origin))) {
            try SignedCheckpoint.open(note, key: other.verifierKey)
        }
        // Every bit of the signature bytes (key id and Ed25519 signature).
        let prefix = "\u{2014} \(origin) "
        let encoded = String(signatureLine.dropFirst(prefix.count))
        let bytes = StrictBase64.decode(encoded)!
        for bit in 0 ..< bytes.count * 8 {
            var tampered = bytes
            tampered[bit / 8] ^= 0x80 >> UInt8(bit % 8)
            let forged = checkpoint.body + "\n" + prefix + StrictBase64.encode(tampered) + "\n"
            #expect(throws: CheckpointError.self, "bit \(bit)") {
                try SignedCheckpoint.open(forged, key: signer.verifierKey)
            }
        }
        // A different origin than expected, even if correctly signed.
        #expect(throws: CheckpointError.originMismatch(expected: "example.com/log", found: origin)) {
            try SignedCheckpoint.open(note, key: signer.verifierKey, expectedOrigin: "example.com/log")
        }
    }

    @Test("malformed bodies are refused", arguments: [
        "", "a\n1\n", "a\n1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=",
        "\n1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
        "a\n01\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
        "a\n+1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
        "a\n-1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
        "a\n1 \nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
        "a\n1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQy=\n",
        "a\n1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyh=\n",
        "a\n1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n",
        "a\n99999999999999999999999\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
    ])
    func malformed(body: String) {
        #expect(throws: CheckpointError.self) { try Checkpoint(parsing: body) }
    }
}
