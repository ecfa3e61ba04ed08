/// A `Decoder` that decodes nothing but records every key a type asks for, and how.
///
/// A type's `init(from:)` (usually synthesized) is run against this decoder: `decode` marks a member required,
/// `decodeIfPresent` optional; nested containers become nested objects and arrays; leaf types (``SchemaLeafType``)
/// and enums (``SchemaEnumeration``) are recorded without running their initializers and a placeholder value is
/// returned. The resulting ``SchemaRecording`` is therefore derived from the same code that decodes real events.
struct SchemaRecordingDecoder: Decoder {
    /// Nesting deeper than this is treated as recursion (unsupported).
    static let maximumDepth = 24

    let recording: SchemaRecording
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Records the shape of `type` into `recording` and returns a placeholder value.
    static func record<T: Decodable>(
        _ type: T.Type,
        into recording: SchemaRecording,
        codingPath: [any CodingKey]
    ) throws -> T {
        recording.typeName = String(describing: type)
        recording.swiftType = type
        if let leaf = type as? any SchemaLeafType.Type {
            recording.kind = .leaf(leaf.schemaLeaf)
            return leaf.schemaPlaceholder as! T
        }
        if let free = type as? any SchemaFreeFormJSON.Type {
            recording.kind = .leaf(.anyJSON)
            return free.schemaPlaceholder as! T
        }
        if let enumeration = type as? any SchemaEnumeration.Type {
            guard let placeholder = enumeration.schemaPlaceholder else {
                throw SchemaGenerationError.unsupported(path: path(codingPath), reason: "\(type) has no cases")
            }
            recording.kind = .enumeration(enumeration.schemaValues)
            return placeholder as! T
        }
        guard codingPath.count < maximumDepth else {
            throw SchemaGenerationError.unsupported(
                path: path(codingPath), reason: "nesting too deep (recursive type?)")
        }
        if let dictionary = type as? any SchemaDictionaryType.Type {
            recording.kind = .dictionary
            let value = recording.element ?? SchemaRecording()
            recording.element = value
            try dictionary.recordValue(into: value, codingPath: codingPath + [SchemaDictionaryValueKey()])
            return dictionary.schemaPlaceholder as! T
        }
        do {
            return try T(from: SchemaRecordingDecoder(recording: recording, codingPath: codingPath))
        } catch let error as SchemaGenerationError {
            throw error
        } catch {
            throw SchemaGenerationError.unsupported(
                path: path(codingPath),
                reason: "\(type) rejected the recorder's placeholder input (an enum that is not a "
                    + "SchemaEnumeration, or validation inside init(from:)?): \(error)")
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        let path = codingPath.map { $0.intValue.map { _ in "[]" } ?? $0.stringValue }.joined(separator: ".")
        return path.isEmpty ? "(root)" : path
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        recording.kind = .object
        return KeyedDecodingContainer(SchemaKeyedRecorder<Key>(recording: recording, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        recording.kind = .array
        return SchemaUnkeyedRecorder(recording: recording, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SchemaSingleValueRecorder(recording: recording, codingPath: codingPath)
    }
}

/// Records a value that decodes itself from a single-value container (e.g. a wrapper around a `String`).
struct SchemaSingleValueRecorder: SingleValueDecodingContainer {
    let recording: SchemaRecording
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try SchemaRecordingDecoder.record(type, into: recording, codingPath: codingPath)
    }
}

/// Records the element of an array: `isAtEnd` turns true after the first element.
struct SchemaUnkeyedRecorder: UnkeyedDecodingContainer {
    let recording: SchemaRecording
    let codingPath: [any CodingKey]
    var count: Int? { nil }
    private(set) var currentIndex = 0
    var isAtEnd: Bool { currentIndex > 0 }

    init(recording: SchemaRecording, codingPath: [any CodingKey]) {
        self.recording = recording
        self.codingPath = codingPath
    }

    private mutating func nextElement() -> (SchemaRecording, [any CodingKey]) {
        let element = recording.element ?? SchemaRecording()
        recording.element = element
        let path = codingPath + [SchemaIndexKey(intValue: currentIndex)]
        currentIndex += 1
        return (element, path)
    }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (element, path) = nextElement()
        return try SchemaRecordingDecoder.record(type, into: element, codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let (element, path) = nextElement()
        return try SchemaRecordingDecoder(recording: element, codingPath: path).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (element, path) = nextElement()
        return try SchemaRecordingDecoder(recording: element, codingPath: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (element, path) = nextElement()
        return SchemaRecordingDecoder(recording: element, codingPath: path)
    }
}

/// A coding key for array positions in coding paths.
struct SchemaIndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

/// A `[String: Value]` dictionary: recorded as "any key, values of one shape" (``SchemaRecording/Kind/dictionary``).
/// Event schemas refuse it (events have fixed keys); schemas with ``SchemaDefinitions`` may allow it.
protocol SchemaDictionaryType {
    /// Records the shape of the dictionary's values.
    static func recordValue(into recording: SchemaRecording, codingPath: [any CodingKey]) throws
    /// An empty dictionary, handed to the decoding type.
    static var schemaPlaceholder: Self { get }
}

extension Dictionary: SchemaDictionaryType where Key == String, Value: Decodable {
    static func recordValue(into recording: SchemaRecording, codingPath: [any CodingKey]) throws {
        _ = try SchemaRecordingDecoder.record(Value.self, into: recording, codingPath: codingPath)
    }

    static var schemaPlaceholder: [String: Value] { [:] }
}

/// The coding key standing for "any key" of a dictionary in coding paths (`checks.*`).
struct SchemaDictionaryValueKey: CodingKey {
    var stringValue: String { "*" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}
