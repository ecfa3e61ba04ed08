import Foundation
import Testing
import TransparencyLog

/// The reference vector of golang.org/x/mod/sumdb/note (note_test.go).
enum GoNoteVector {
    static let verifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let privateKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    static let text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    static let signatureLine =
        "\u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
    static let note = text + "\n" + signatureLine
}

@Suite("C2SP signed notes and Ed25519 note keys")
struct SignedNoteTests {
    @Test("the Go reference vector: key, key id, signature byte for byte")
    func goVector() throws {
        let key = try NoteVerifierKey(parsing: GoNoteVector.verifierKey)
        #expect(key.keyName == "PeterNeumann")
        #expect(key.keyID == 0xC74F_20A3)
        #expect(key.encoded == GoNoteVector.verifierKey)
        let signer = try NoteSigner(parsingPrivateKey: GoNoteVector.privateKey)
        #expect(signer.verifierKey == key)
        #expect(try signer.sign(GoNoteVector.text).serialized == GoNoteVector.note)
        let opened = try key.verify(GoNoteVector.note)
        #expect(opened.text == GoNoteVector.text)
        #expect(opened.signatures.count == 1)
    }

    @Test("any tampered byte of the text or the signature fails")
    func tampering() throws {
        let key = try NoteVerifierKey(parsing: GoNoteVector.verifierKey)
        let note = Array(GoNoteVector.note.unicodeScalars)
        var probes = 0
        for position in note.indices where note[position] != "\n" && note[position] != "\u{2014}" {
            for replacement in ["X", "y", "0"] as [Unicode.Scalar] where replacement != note[position] {
                var tampered = note
                tampered[position] = replacement
                var text = String.UnicodeScalarView()
                text.append(contentsOf: tampered)
                probes += 1
                #expect(throws: SignedNoteError.self, "position \(position)") { try key.verify(String(text)) }
            }
        }
        #expect(probes > 400)
    }

    @Test("a wrong key, or a note without our key's signature, is refused")
    func wrongKeys() throws {
        let other = try NoteSigner(keyName: "PeterNeumann", seed: Array(repeating: 7, count: 32))
        #expect(throws: SignedNoteError.noSignatureFromKey(keyName: "PeterNeumann")) {
            try other.verifierKey.verify(GoNoteVector.note)
        }
        // Same name and id but another key is impossible to build honestly: forge one and expect a failed signature.
        let forged = try other.signature(for: GoNoteVector.text)
        let impostor = try NoteSignature(keyName: "PeterNeumann", keyID: 0xC74F_20A3, signature: forged.signature)
        let note = try SignedNote(text: GoNoteVector.text, signatures: [impostor]).serialized
        #expect(throws: SignedNoteError.invalidSignature(keyName: "PeterNeumann")) {
            try NoteVerifierKey(parsing: GoNoteVector.verifierKey).verify(note)
        }
        // Unknown signatures are ignored next to a good one.
        let both = GoNoteVector.note + (try other.signature(for: GoNoteVector.text)).line.replacingOccurrences(
            of: "PeterNeumann", with: "someone.else") + "\n"
        #expect(throws: Never.self) { try NoteVerifierKey(parsing: GoNoteVector.verifierKey).verify(both) }
    }

    @Test("malformed notes are refused")
    func malformed() {
        let sig = GoNoteVector.signatureLine
        let text = GoNoteVector.text
        let notes = [
            "",
            text,
            text + sig,
            text + "\n",
            text + "\n" + sig.dropLast(),
            text + "\n" + sig + "\n",
            text + "\n" + "-" + sig.dropFirst(),
            text + "\n" + sig.replacingOccurrences(of: "\u{2014} ", with: "\u{2014}"),
            text + "\n" + "\u{2014} PeterNeumann\n",
            text + "\n" + "\u{2014} Peter+Neumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            text + "\n" + "\u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM\n",
            text + "\n" + "\u{2014} PeterNeumann AAAA\n",
            "a\u{01}b\n\n" + sig,
            "a\rb\n\n" + sig,
            text + "\n" + String(repeating: sig, count: 101),
        ]
        for note in notes {
            #expect(throws: SignedNoteError.self, "\(note.debugDescription)") { try SignedNote(parsing: note) }
        }
    }

    @Test("malformed verifier keys are refused", arguments: [
        "", "PeterNeumann", "PeterNeumann+c74f20a3", "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T",
        "PeterNeumann+c74f20a3+Apc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWA",
        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+AhpjMkN1PQ4hbQekMbCcGV8qoGSTxI1qg9+nyqdTmdw=",
    ])
    func malformedKeys(key: String) {
        #expect(throws: SignedNoteError.self) { try NoteVerifierKey(parsing: key) }
    }

    @Test("seeds must be 32 bytes; key names must be valid")
    func signerValidation() {
        #expect(throws: SignedNoteError.invalidPrivateKey) { try NoteSigner(keyName: "a", seed: [1, 2, 3]) }
        #expect(throws: SignedNoteError.invalidKeyName("a b")) {
            try NoteSigner(keyName: "a b", seed: Array(repeating: 1, count: 32))
        }
        #expect(throws: SignedNoteError.self) {
            try NoteSigner(keyName: "a", seed: Array(repeating: 1, count: 32)).sign("no newline")
        }
    }
}
