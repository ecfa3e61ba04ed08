/// The shape of one value, filled in while a type decodes itself from a ``SchemaRecordingDecoder``.
///
/// A reference type because containers handed out by the decoder keep adding to the node after they are returned.
final class SchemaRecording {
    enum Kind {
        case undetermined
        case leaf(SchemaLeaf)
        case enumeration([String])
        case object
        case array
        /// A `[String: Value]` dictionary: any keys, every value of the shape recorded in ``element``.
        case dictionary
    }

    struct Property {
        let name: String
        let recording: SchemaRecording
        var required: Bool
    }

    /// The type name, for error messages.
    var typeName: String?
    /// The Swift type that recorded itself here (the innermost one for single-value wrappers), naming the schema when
    /// schemas are shared by reference (``SchemaDefinitions``).
    var swiftType: Any.Type?
    var kind: Kind = .undetermined
    /// Object members in the order the type decoded them.
    private(set) var properties: [Property] = []
    /// The element of an array, or the value of a dictionary.
    var element: SchemaRecording?
    /// Set when a type enumerated the keys of an object (a dictionary): unsupported, its members are unknown.
    var enumeratesKeys = false

    /// The recording of member `name`, created on first use; `required` is true only if every request for the
    /// member was a plain `decode` (never `decodeIfPresent`, `contains` or `decodeNil`).
    func property(_ name: String, required: Bool) -> SchemaRecording {
        if let index = properties.firstIndex(where: { $0.name == name }) {
            properties[index].required = properties[index].required && required
            return properties[index].recording
        }
        let recording = SchemaRecording()
        properties.append(Property(name: name, recording: recording, required: required))
        return recording
    }

    /// Marks member `name` optional (it was probed with `contains` or `decodeNil`).
    func markOptional(_ name: String) {
        _ = property(name, required: false)
    }
}
