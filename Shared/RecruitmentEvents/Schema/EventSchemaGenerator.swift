/// Derives JSON Schemas (draft 2020-12) for event payloads from the Swift types themselves.
///
/// Each type's own `init(from:)` is run against a recording decoder (``SchemaRecordingDecoder``), so the schema
/// lists exactly the keys the Swift code reads: `decode` → required, `decodeIfPresent` → optional, nested structs
/// and arrays as nested schemas, `Date` as `date-time`, ``CalendarDate`` as `date`, `UUID` as `uuid`,
/// ``ExactDecimal`` as a decimal string and ``SchemaEnumeration`` enums with their allowed values. Objects are
/// closed (`additionalProperties: false`). The files are committed under `Shared/RecruitmentEvents/Schemas` by the
/// `recruitment-events-schema` tool, and a test fails when they drift from the types.
public enum EventSchemaGenerator {
    /// The JSON Schema dialect of every generated schema.
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"
    /// The prefix of every schema's `$id`; the CloudEvents `type` follows.
    public static let idPrefix = "urn:asn-recruitment:event-schema:"
    /// The name of the index file listing every schema.
    public static let indexFileName = "index.json"

    /// The schema file name of an event type: `<ce_type>.json`.
    public static func fileName(for type: any RecruitmentEvent.Type) -> String {
        type.eventType + ".json"
    }

    /// The schema of any Decodable type's JSON (without the document-level `$schema`/`$id` members).
    public static func payloadSchema<T: Decodable>(for type: T.Type) throws(SchemaGenerationError) -> EventJSON {
        try recording(of: type).jsonSchema()
    }

    /// The schema of any Decodable type's JSON with its named parts shared by reference: every object and
    /// ``SchemaEnumeration`` type (the root type included) is stored once in `definitions` and referenced by `$ref`,
    /// so the result is a `$ref` for a named type and e.g. `{"type": "array", "items": {"$ref": …}}` for `[T]`.
    /// Used for OpenAPI `components/schemas`; the event schemas stay inline (``payloadSchema(for:)``).
    public static func payloadSchema<T: Decodable>(
        for type: T.Type, definitions: inout SchemaDefinitions
    ) throws(SchemaGenerationError) -> EventJSON {
        let recording = try recording(of: type)
        // Collect into a copy: a failed derivation leaves `definitions` unchanged.
        var collected: SchemaDefinitions? = definitions
        let schema = try recording.jsonSchema(path: "(root)", definitions: &collected)
        definitions = collected!
        return schema
    }

    /// The recorded shape of `type`.
    private static func recording<T: Decodable>(of type: T.Type) throws(SchemaGenerationError) -> SchemaRecording {
        let recording = SchemaRecording()
        do {
            _ = try SchemaRecordingDecoder.record(type, into: recording, codingPath: [])
        } catch let error as SchemaGenerationError {
            throw error
        } catch {
            throw .unsupported(path: "(root)", reason: String(describing: error))
        }
        return recording
    }

    /// The complete schema document of an event type, with `$schema`, `$id`, title, description, the CloudEvents
    /// attributes as `x-` annotations and the type's ``RecruitmentEvent/example`` under `examples`.
    public static func schema(for type: any RecruitmentEvent.Type) throws(SchemaGenerationError) -> EventJSON {
        try document(for: type)
    }

    private static func document<Event: RecruitmentEvent>(
        for type: Event.Type
    ) throws(SchemaGenerationError) -> EventJSON {
        var schema = try payloadSchema(for: type)
        let example: EventJSON
        do {
            example = try EventCoding.decode(EventJSON.self, from: try EventCoding.encode(Event.example))
        } catch {
            throw .unsupported(path: "(example)", reason: error.description)
        }
        let typeName = String(describing: type)
        schema["$schema"] = .string(dialect)
        schema["$id"] = .string(idPrefix + Event.eventType)
        schema["$comment"] = .string(
            "Generated from the Swift type \(typeName) by `swift run recruitment-events-schema`; do not edit.")
        schema["title"] = .string(typeName)
        schema["description"] = .string(
            "Payload (data) of the CloudEvents type \(Event.eventType), produced by \(Event.topic.source) on the "
                + "Kafka topic \(Event.topic.name) in binary content mode (attributes in ce_* headers, "
                + "content-type application/json). Instants are UTC ISO 8601 with milliseconds; exact decimals are "
                + "strings. No NIK, KK number, birth date, e-mail, phone or document bytes ever appear.")
        schema["x-cloudevents-type"] = .string(Event.eventType)
        schema["x-cloudevents-source"] = .string(Event.topic.source)
        schema["x-kafka-topic"] = .string(Event.topic.name)
        schema["examples"] = .array([example])
        return schema
    }

    /// The index document: every event type with its schema file, Swift type, topic and source.
    public static func index(for registry: EventRegistry) -> EventJSON {
        let entries = registry.eventTypes
            .sorted { $0.eventType < $1.eventType }
            .map { type -> EventJSON in
                .object([
                    "type": .string(type.eventType),
                    "schema": .string(fileName(for: type)),
                    "$id": .string(idPrefix + type.eventType),
                    "title": .string(String(describing: type)),
                    "topic": .string(type.topic.name),
                    "source": .string(type.topic.source),
                ])
            }
        return .object([
            "$comment": .string("Generated by `swift run recruitment-events-schema`; do not edit."),
            "dialect": .string(dialect),
            "events": .array(entries),
        ])
    }

    /// Every file of the schema folder: one `<ce_type>.json` per registered type plus ``indexFileName``, as
    /// pretty-printed text with sorted keys and a final newline, sorted by file name.
    public static func files(
        for registry: EventRegistry = .standard
    ) throws(SchemaGenerationError) -> [(name: String, contents: String)] {
        var files: [(name: String, contents: String)] = [
            (indexFileName, index(for: registry).text(pretty: true) + "\n"),
        ]
        for type in registry.eventTypes {
            files.append((fileName(for: type), try schema(for: type).text(pretty: true) + "\n"))
        }
        return files.sorted { $0.name < $1.name }
    }
}
