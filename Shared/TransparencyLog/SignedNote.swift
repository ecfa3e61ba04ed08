/// A C2SP signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, and signature lines
/// `— <key name> <base64(4-byte big-endian key id || signature)>` each ending in a newline.
///
/// Parsing checks the form only; trust comes from ``NoteVerifierKey/verify(_:)``.
public struct SignedNote: Sendable, Hashable {
    /// The most signature lines accepted in one note.
    public static let maximumSignatures = 100

    /// The signed text, including its final newline.
    public let text: String
    /// The signature lines, in order.
    public let signatures: [NoteSignature]

    /// Pairs `text` (which must end in a newline) with `signatures`.
    public init(text: String, signatures: [NoteSignature]) throws(SignedNoteError) {
        try Self.checkCharacters(text)
        guard text.hasSuffix("\n") else { throw .malformedNote(reason: "the text does not end in a newline") }
        self.text = text
        self.signatures = signatures
    }

    /// Parses a signed note, rejecting anything malformed: invalid UTF-8 is impossible in a `String`; control
    /// characters other than newline, a missing blank line, a signature block not ending in a newline, a line not
    /// starting with `— `, an invalid key name, non-canonical base64 or a signature shorter than 5 bytes all throw.
    public init(parsing note: String) throws(SignedNoteError) {
        try Self.checkCharacters(note)
        let bytes = Array(note.utf8)
        // The text is separated from the signatures by the last blank line.
        var split: Int?
        var index = bytes.count - 2
        while index >= 0 {
            if bytes[index] == 0x0A, bytes[index + 1] == 0x0A {
                split = index
                break
            }
            index -= 1
        }
        guard let split else { throw .malformedNote(reason: "no blank line before the signatures") }
        let text = String(decoding: bytes[...split], as: UTF8.self)
        let block = bytes[(split + 2)...]
        guard !block.isEmpty, block.last == 0x0A else {
            throw .malformedNote(reason: "the signature lines do not end in a newline")
        }
        let lines = block.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count <= Self.maximumSignatures else { throw .tooManySignatures(lines.count) }
        var signatures: [NoteSignature] = []
        for line in lines {
            signatures.append(try NoteSignature(line: String(decoding: line, as: UTF8.self)))
        }
        self.text = text
        self.signatures = signatures
    }

    /// The note as text: the text, a blank line, the signature lines.
    public var serialized: String {
        text + "\n" + signatures.map { $0.line + "\n" }.joined()
    }

    static func checkCharacters(_ text: String) throws(SignedNoteError) {
        for scalar in text.unicodeScalars where scalar.value < 0x20 && scalar != "\n" {
            throw .malformedNote(reason: "a control character U+\(String(scalar.value, radix: 16))")
        }
    }
}

/// One signature line of a signed note.
public struct NoteSignature: Sendable, Hashable {
    /// The signing key's name.
    public let keyName: String
    /// The signing key's id (the first 4 bytes of the decoded signature, big-endian).
    public let keyID: UInt32
    /// The signature proper (after the key id): 64 bytes for Ed25519.
    public let signature: [UInt8]

    /// A signature by the key `keyName`/`keyID`.
    public init(keyName: String, keyID: UInt32, signature: [UInt8]) throws(SignedNoteError) {
        try NoteKeyName.validate(keyName)
        self.keyName = keyName
        self.keyID = keyID
        self.signature = signature
    }

    /// Parses `— <key name> <base64>` (without the newline).
    init(line: String) throws(SignedNoteError) {
        let prefix = "\u{2014} "
        guard line.hasPrefix(prefix) else { throw .malformedNote(reason: "a signature line not starting with '— '") }
        let rest = line.dropFirst(prefix.count)
        guard let space = rest.firstIndex(of: " ") else { throw .malformedNote(reason: "a signature line without a signature") }
        let name = String(rest[..<space])
        let encoded = rest[rest.index(after: space)...]
        try NoteKeyName.validate(name)
        guard let decoded = StrictBase64.decode(encoded), decoded.count >= 5 else {
            throw .malformedNote(reason: "a signature that is not base64 of at least 5 bytes")
        }
        self.keyName = name
        self.keyID = decoded[0 ..< 4].reduce(0) { $0 << 8 | UInt32($1) }
        self.signature = Array(decoded[4...])
    }

    /// The line, without its newline: `— <key name> <base64(key id || signature)>`.
    public var line: String {
        let id: [UInt8] = [UInt8(keyID >> 24), UInt8(keyID >> 16 & 0xFF), UInt8(keyID >> 8 & 0xFF), UInt8(keyID & 0xFF)]
        return "\u{2014} \(keyName) \(StrictBase64.encode(id + signature))"
    }
}

/// Key names: non-empty, no Unicode spaces, no `+`.
enum NoteKeyName {
    static func validate(_ name: String) throws(SignedNoteError) {
        guard !name.isEmpty,
              !name.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0 == "+" || $0.value < 0x20 })
        else { throw .invalidKeyName(name) }
    }
}
