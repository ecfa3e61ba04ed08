/// Why a signed note, a key or a checkpoint is refused.
public enum SignedNoteError: Error, Hashable, Sendable {
    /// The note is not a well-formed C2SP signed note; `reason` says what is wrong.
    case malformedNote(reason: String)
    /// More signature lines than ``SignedNote/maximumSignatures``.
    case tooManySignatures(Int)
    /// A key name that is empty or contains a space or `+`.
    case invalidKeyName(String)
    /// A verifier key string that is not `<name>+<8 hex digits>+<base64(0x01 || 32-byte key)>`.
    case malformedVerifierKey(reason: String)
    /// A key of a signature type other than Ed25519 (`0x01`).
    case unsupportedKeyType(UInt8)
    /// The key id in a verifier key does not match the key name and public key.
    case keyIDMismatch
    /// A seed (private key) that is not 32 bytes, or a malformed private key string.
    case invalidPrivateKey
    /// A signature from the trusted key (same name and key id) does not verify: the note was tampered with.
    case invalidSignature(keyName: String)
    /// No signature line from the trusted key.
    case noSignatureFromKey(keyName: String)
}

/// Why a checkpoint body is refused.
public enum CheckpointError: Error, Hashable, Sendable {
    /// The body is not a C2SP tlog-checkpoint; `reason` says what is wrong.
    case malformed(reason: String)
    /// The checkpoint names another log.
    case originMismatch(expected: String, found: String)
    /// The checkpoint's signed note does not verify (see the underlying error).
    case signature(SignedNoteError)
}
