/// Records the members of an object: `decode` → required, `decodeIfPresent` / `contains` / `decodeNil` → optional.
///
/// The primitive overloads are implemented explicitly so that none falls back to a default implementation with
/// different presence semantics.
struct SchemaKeyedRecorder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let recording: SchemaRecording
    let codingPath: [any CodingKey]

    var allKeys: [Key] {
        recording.enumeratesKeys = true
        return []
    }

    func contains(_ key: Key) -> Bool {
        recording.markOptional(key.stringValue)
        return true
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        recording.markOptional(key.stringValue)
        return false
    }

    private func member<T: Decodable>(_ type: T.Type, _ key: Key, required: Bool) throws -> T {
        let child = recording.property(key.stringValue, required: required)
        return try SchemaRecordingDecoder.record(type, into: child, codingPath: codingPath + [key])
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try member(type, key, required: true)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try member(type, key, required: false)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type,
        forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let child = recording.property(key.stringValue, required: true)
        return try SchemaRecordingDecoder(recording: child, codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let child = recording.property(key.stringValue, required: true)
        return try SchemaRecordingDecoder(recording: child, codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        let child = recording.property("super", required: true)
        return SchemaRecordingDecoder(recording: child, codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        let child = recording.property(key.stringValue, required: true)
        return SchemaRecordingDecoder(recording: child, codingPath: codingPath + [key])
    }

    // MARK: Primitive overloads (required)

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try member(type, key, required: true) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try member(type, key, required: true) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try member(type, key, required: true) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try member(type, key, required: true) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try member(type, key, required: true) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try member(type, key, required: true) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try member(type, key, required: true) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try member(type, key, required: true) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try member(type, key, required: true) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try member(type, key, required: true) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try member(type, key, required: true) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try member(type, key, required: true) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try member(type, key, required: true) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try member(type, key, required: true) }

    // MARK: Primitive overloads (optional)

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try member(type, key, required: false)
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try member(type, key, required: false)
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try member(type, key, required: false)
    }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? {
        try member(type, key, required: false)
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try member(type, key, required: false)
    }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? {
        try member(type, key, required: false)
    }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? {
        try member(type, key, required: false)
    }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? {
        try member(type, key, required: false)
    }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
        try member(type, key, required: false)
    }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? {
        try member(type, key, required: false)
    }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? {
        try member(type, key, required: false)
    }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? {
        try member(type, key, required: false)
    }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? {
        try member(type, key, required: false)
    }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? {
        try member(type, key, required: false)
    }
}
