import Crypto
import Foundation

/// An Ed25519 public key that signed notes are verified with, by name and key id.
///
/// Its text form (the "verifier key") is `<name>+<key id as 8 lowercase hex digits>+<base64(0x01 || public key)>`,
/// where key id = the first 4 bytes (big-endian) of `SHA-256(<name> || 0x0A || 0x01 || 32-byte public key)`.
public struct NoteVerifierKey: Sendable, Hashable {
    /// The signature type byte of Ed25519 in signed notes.
    public static let ed25519Type: UInt8 = 0x01

    /// The key name (in signature lines; for a checkpoint, the log's origin).
    public let keyName: String
    /// The key id.
    public let keyID: UInt32
    /// The 32-byte Ed25519 public key.
    public let publicKey: [UInt8]

    /// The key called `keyName` with the 32-byte Ed25519 `publicKey`.
    public init(keyName: String, publicKey: [UInt8]) throws(SignedNoteError) {
        try NoteKeyName.validate(keyName)
        guard publicKey.count == 32, (try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey)) != nil else {
            throw .malformedVerifierKey(reason: "not a 32-byte Ed25519 public key")
        }
        self.keyName = keyName
        self.publicKey = publicKey
        self.keyID = Self.keyID(keyName: keyName, publicKey: publicKey)
    }

    /// Parses a verifier key string, checking that its key id matches its name and key.
    public init(parsing text: String) throws(SignedNoteError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = trimmed.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformedVerifierKey(reason: "expected <name>+<key id>+<key>") }
        let hex = parts[1]
        guard hex.utf8.count == 8, let idBytes = Hex.decode(hex) else {
            throw .malformedVerifierKey(reason: "the key id is not 8 hex digits")
        }
        guard let key = StrictBase64.decode(parts[2]), !key.isEmpty else {
            throw .malformedVerifierKey(reason: "the key is not base64")
        }
        guard key[0] == Self.ed25519Type else { throw .unsupportedKeyType(key[0]) }
        try self.init(keyName: String(parts[0]), publicKey: Array(key[1...]))
        guard idBytes.reduce(0, { $0 << 8 | UInt32($1) }) == keyID else { throw .keyIDMismatch }
    }

    /// The verifier key string.
    public var encoded: String {
        let id = String(keyID, radix: 16)
        return "\(keyName)+\(String(repeating: "0", count: 8 - id.count) + id)+\(StrictBase64.encode([Self.ed25519Type] + publicKey))"
    }

    /// Verifies `note` against this key; answers the parsed note whose text this key signed.
    ///
    /// Signatures by other keys (another name or key id) are ignored; a signature by this key that fails to verify
    /// rejects the whole note; a note without any signature by this key is rejected.
    public func verify(_ note: String) throws(SignedNoteError) -> SignedNote {
        let parsed = try SignedNote(parsing: note)
        let key = try! Curve25519.Signing.PublicKey(rawRepresentation: publicKey)
        var verified = false
        for signature in parsed.signatures where signature.keyName == keyName && signature.keyID == keyID {
            guard key.isValidSignature(signature.signature, for: Array(parsed.text.utf8)) else {
                throw .invalidSignature(keyName: keyName)
            }
            verified = true
        }
        guard verified else { throw .noSignatureFromKey(keyName: keyName) }
        return parsed
    }

    static func keyID(keyName: String, publicKey: [UInt8]) -> UInt32 {
        var hasher = SHA256()
        hasher.update(data: Array(keyName.utf8) + [0x0A, ed25519Type] + publicKey)
        return hasher.finalize().prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }
}

/// An Ed25519 key that signs notes (and so checkpoints) under a key name.
public struct NoteSigner: Sendable {
    /// The matching public key, to publish.
    public let verifierKey: NoteVerifierKey
    private let seed: [UInt8]

    /// A signer called `keyName` from a 32-byte Ed25519 seed (the RFC 8032 private key).
    public init(keyName: String, seed: [UInt8]) throws(SignedNoteError) {
        guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
            throw .invalidPrivateKey
        }
        self.seed = seed
        self.verifierKey = try NoteVerifierKey(keyName: keyName, publicKey: Array(key.publicKey.rawRepresentation))
    }

    /// A signer from a Go-style private key string `PRIVATE+KEY+<name>+<key id>+<base64(0x01 || seed)>`.
    public init(parsingPrivateKey text: String) throws(SignedNoteError) {
        let parts = text.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY",
              let key = StrictBase64.decode(parts[4]), key.count == 33, key[0] == NoteVerifierKey.ed25519Type
        else { throw .invalidPrivateKey }
        try self.init(keyName: String(parts[2]), seed: Array(key[1...]))
        guard String(parts[3]) == verifierKey.encoded.split(separator: "+")[1] else { throw .keyIDMismatch }
    }

    /// The key name.
    public var keyName: String { verifierKey.keyName }

    /// The signature line for `text` (which must end in a newline and hold no control character but newline).
    public func signature(for text: String) throws(SignedNoteError) -> NoteSignature {
        _ = try SignedNote(text: text, signatures: [])
        let key = try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        guard let signature = try? key.signature(for: Array(text.utf8)) else {
            throw .invalidPrivateKey
        }
        return try NoteSignature(keyName: keyName, keyID: verifierKey.keyID, signature: Array(signature))
    }

    /// Signs `text`: answers the signed note with this key's signature line.
    public func sign(_ text: String) throws(SignedNoteError) -> SignedNote {
        try SignedNote(text: text, signatures: [signature(for: text)])
    }
}
