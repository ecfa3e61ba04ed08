/// A transparency log checkpoint (c2sp.org/tlog-checkpoint): the body of a signed note,
/// `<origin>\n<tree size>\n<base64 root hash>\n` followed by optional non-empty extension lines.
public struct Checkpoint: Sendable, Hashable {
    /// The log's unique name.
    public let origin: String
    /// The number of leaves.
    public let size: Int
    /// The RFC 9162 root hash of the first `size` leaves.
    public let rootHash: MerkleHash
    /// Opaque extension lines (not recommended; ours has none).
    public let extensionLines: [String]

    /// A checkpoint; refuses an empty origin, a negative size, or empty lines or control characters anywhere.
    public init(origin: String, size: Int, rootHash: MerkleHash, extensionLines: [String] = []) throws(CheckpointError) {
        guard !origin.isEmpty else { throw .malformed(reason: "empty origin") }
        guard size >= 0 else { throw .malformed(reason: "negative tree size") }
        for line in [origin] + extensionLines {
            guard !line.isEmpty else { throw .malformed(reason: "an empty extension line") }
            guard !line.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
                throw .malformed(reason: "a control character")
            }
        }
        self.origin = origin
        self.size = size
        self.rootHash = rootHash
        self.extensionLines = extensionLines
    }

    /// Parses a checkpoint body (the text of a signed note, final newline included).
    public init(parsing body: String) throws(CheckpointError) {
        guard body.hasSuffix("\n") else { throw .malformed(reason: "the body does not end in a newline") }
        let lines = body.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3 else { throw .malformed(reason: "fewer than three lines") }
        let sizeText = lines[1]
        guard !sizeText.isEmpty, sizeText.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              sizeText == "0" || !sizeText.hasPrefix("0"), let size = Int(sizeText)
        else { throw .malformed(reason: "the tree size is not a decimal number without leading zeros") }
        let root: MerkleHash
        do {
            root = try MerkleHash(base64: lines[2])
        } catch {
            throw .malformed(reason: "the root hash is not the base64 of 32 bytes")
        }
        try self.init(origin: lines[0], size: size, rootHash: root, extensionLines: Array(lines[3...]))
    }

    /// The note text: `<origin>\n<size>\n<base64 root>\n` and any extension lines, each ending in a newline.
    public var body: String {
        ([origin, String(size), rootHash.base64] + extensionLines).map { $0 + "\n" }.joined()
    }
}

/// A checkpoint with its signed note, after the note's signature was verified.
public struct SignedCheckpoint: Sendable, Hashable {
    /// The checkpoint the note's text holds.
    public let checkpoint: Checkpoint
    /// The signed note as published.
    public let note: String

    /// Verifies `note` with `key`, parses its text as a checkpoint, and checks its origin (against `expectedOrigin`,
    /// or else against the key name, which our log always signs under).
    public static func open(_ note: String, key: NoteVerifierKey,
                            expectedOrigin: String? = nil) throws(CheckpointError) -> SignedCheckpoint
    {
        let parsed: SignedNote
        do {
            parsed = try key.verify(note)
        } catch {
            throw .signature(error)
        }
        let checkpoint = try Checkpoint(parsing: parsed.text)
        let origin = expectedOrigin ?? key.keyName
        guard checkpoint.origin == origin else { throw .originMismatch(expected: origin, found: checkpoint.origin) }
        return SignedCheckpoint(checkpoint: checkpoint, note: note)
    }

    /// Signs `checkpoint` with `signer`.
    public static func sign(_ checkpoint: Checkpoint, with signer: NoteSigner) throws(CheckpointError) -> SignedCheckpoint {
        do {
            return SignedCheckpoint(checkpoint: checkpoint, note: try signer.sign(checkpoint.body).serialized)
        } catch {
            throw .signature(error)
        }
    }
}
