/// The JSON documents of the log's public endpoints, shared by the service (which answers them), the offline
/// verifier (which reads them from files) and the browser page (which fetches them). Hashes and salts are standard
/// base64; sizes and indexes are integers.

/// `GET /v1/log/records/{recordId}`: a logged record with what is needed to recompute its leaf.
public struct LogRecordDocument: Codable, Sendable, Hashable {
    /// The record's id (a UUID, lowercase).
    public var recordId: String
    /// What the record is (for example `announcement` or `result-row`).
    public var kind: String
    /// The leaf's position in the log.
    public var leafIndex: Int
    /// The 32-byte salt, base64.
    public var salt: String
    /// The record itself (a JSON object).
    public var record: JSONValue
    /// `SHA-256(0x00 || SHA-256(salt || canonical JSON))`, base64.
    public var leafHash: String

    /// Creates the document; each parameter is the property of the same name.
    public init(recordId: String, kind: String, leafIndex: Int, salt: String, record: JSONValue, leafHash: String) {
        self.recordId = recordId
        self.kind = kind
        self.leafIndex = leafIndex
        self.salt = salt
        self.record = record
        self.leafHash = leafHash
    }

    /// Reads the document from JSON text with the strict parser (so the record is exactly what was published).
    public init(json text: String) throws(LogDocumentError) {
        let members = try LogDocumentError.object(text)
        recordId = try LogDocumentError.string(members, "recordId")
        kind = try LogDocumentError.string(members, "kind")
        leafIndex = try LogDocumentError.integer(members, "leafIndex")
        salt = try LogDocumentError.string(members, "salt")
        guard let record = members["record"], case .object = record else { throw .missingField("record") }
        self.record = record
        leafHash = try LogDocumentError.string(members, "leafHash")
    }
}

/// `GET /v1/log/proofs/inclusion?leafIndex=&treeSize=`.
public struct InclusionProofDocument: Codable, Sendable, Hashable {
    /// The leaf's position.
    public var leafIndex: Int
    /// The size of the tree the proof is for.
    public var treeSize: Int
    /// The proof's hashes, base64, in RFC 9162 order (from the leaf up).
    public var hashes: [String]

    /// Creates the document; each parameter is the property of the same name.
    public init(leafIndex: Int, treeSize: Int, hashes: [String]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.hashes = hashes
    }

    /// Reads the document from JSON text.
    public init(json text: String) throws(LogDocumentError) {
        let members = try LogDocumentError.object(text)
        leafIndex = try LogDocumentError.integer(members, "leafIndex")
        treeSize = try LogDocumentError.integer(members, "treeSize")
        hashes = try LogDocumentError.strings(members, "hashes")
    }
}

/// `GET /v1/log/proofs/consistency?from=&to=`.
public struct ConsistencyProofDocument: Codable, Sendable, Hashable {
    /// The smaller tree size.
    public var from: Int
    /// The larger tree size.
    public var to: Int
    /// The proof's hashes, base64, in RFC 9162 order.
    public var hashes: [String]

    /// Creates the document; each parameter is the property of the same name.
    public init(from: Int, to: Int, hashes: [String]) {
        self.from = from
        self.to = to
        self.hashes = hashes
    }

    /// Reads the document from JSON text.
    public init(json text: String) throws(LogDocumentError) {
        let members = try LogDocumentError.object(text)
        from = try LogDocumentError.integer(members, "from")
        to = try LogDocumentError.integer(members, "to")
        hashes = try LogDocumentError.strings(members, "hashes")
    }
}

/// `GET /v1/log/key`: how to verify the log's checkpoints.
public struct LogKeyDocument: Codable, Sendable, Hashable {
    /// The log's origin (first line of every checkpoint).
    public var origin: String
    /// The key name in the checkpoints' signature lines.
    public var keyName: String
    /// The verifier key string `<name>+<key id>+<base64(0x01 || public key)>`.
    public var verifierKey: String
    /// The raw 32-byte Ed25519 public key, base64.
    public var publicKey: String

    /// Creates the document; each parameter is the property of the same name.
    public init(origin: String, keyName: String, verifierKey: String, publicKey: String) {
        self.origin = origin
        self.keyName = keyName
        self.verifierKey = verifierKey
        self.publicKey = publicKey
    }
}

/// Why a document file is not the document expected.
public enum LogDocumentError: Error, Hashable, Sendable {
    /// Not JSON, or not an object.
    case notJSON(JSONValueError)
    /// A field that is missing or of the wrong type.
    case missingField(String)

    static func object(_ text: String) throws(LogDocumentError) -> [String: JSONValue] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(text)
        } catch {
            throw .notJSON(error)
        }
        guard let members = value.objectValue else { throw .notJSON(.notAnObject) }
        return members
    }

    static func string(_ members: [String: JSONValue], _ name: String) throws(LogDocumentError) -> String {
        guard let value = members[name]?.stringValue else { throw .missingField(name) }
        return value
    }

    static func integer(_ members: [String: JSONValue], _ name: String) throws(LogDocumentError) -> Int {
        guard let value = members[name]?.integerValue else { throw .missingField(name) }
        return Int(value)
    }

    static func strings(_ members: [String: JSONValue], _ name: String) throws(LogDocumentError) -> [String] {
        guard case .array(let elements) = members[name] else { throw .missingField(name) }
        var strings: [String] = []
        for element in elements {
            guard let string = element.stringValue else { throw .missingField(name) }
            strings.append(string)
        }
        return strings
    }
}
