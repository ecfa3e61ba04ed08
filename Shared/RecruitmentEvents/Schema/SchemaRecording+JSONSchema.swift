extension SchemaRecording {
    /// The JSON Schema (draft 2020-12) of the recorded shape, every part inline. `path` is used in error messages.
    func jsonSchema(path: String = "(root)") throws(SchemaGenerationError) -> EventJSON {
        var inline: SchemaDefinitions?
        return try jsonSchema(path: path, definitions: &inline)
    }

    /// The JSON Schema of the recorded shape. With `definitions`, every named object and enumeration type is
    /// stored there once and referenced by `$ref`; without, everything is inline (the event schemas).
    func jsonSchema(
        path: String, definitions: inout SchemaDefinitions?
    ) throws(SchemaGenerationError) -> EventJSON {
        let schema = try structuralSchema(path: path, definitions: &definitions)
        guard definitions != nil, let swiftType else { return schema }
        switch kind {
        case .object, .enumeration: return definitions!.reference(to: schema, of: swiftType)
        case .undetermined, .leaf, .array, .dictionary: return schema
        }
    }

    private func structuralSchema(
        path: String, definitions: inout SchemaDefinitions?
    ) throws(SchemaGenerationError) -> EventJSON {
        switch kind {
        case .undetermined:
            throw .unsupported(path: path, reason: "\(typeName ?? "the type") decoded nothing")
        case .leaf(let leaf):
            return leaf.jsonSchema
        case .enumeration(let values):
            return .object(["type": .string("string"), "enum": .array(values.map(EventJSON.string))])
        case .array:
            guard let element else {
                throw .unsupported(path: path, reason: "\(typeName ?? "the array") decoded no element")
            }
            return .object([
                "type": .string("array"),
                "items": try element.jsonSchema(path: path + ".[]", definitions: &definitions),
            ])
        case .dictionary:
            guard definitions?.allowsStringKeyedDictionaries == true else {
                throw .unsupported(path: path, reason: "\(typeName ?? "a dictionary") has no fixed keys; use a struct")
            }
            guard let element else {
                throw .unsupported(path: path, reason: "\(typeName ?? "the dictionary") decoded no value")
            }
            return .object([
                "type": .string("object"),
                "additionalProperties": try element.jsonSchema(path: path + ".*", definitions: &definitions),
            ])
        case .object:
            guard !enumeratesKeys else {
                throw .unsupported(path: path, reason: "\(typeName ?? "a dictionary") has no fixed keys; use a struct")
            }
            var members: [String: EventJSON] = [:]
            for property in properties {
                let memberPath = path == "(root)" ? property.name : path + "." + property.name
                members[property.name] = try property.recording.jsonSchema(path: memberPath, definitions: &definitions)
            }
            var schema: [String: EventJSON] = [
                "type": .string("object"),
                "properties": .object(members),
                "additionalProperties": .bool(false),
            ]
            let required = properties.filter(\.required).map { EventJSON.string($0.name) }
            if !required.isEmpty { schema["required"] = .array(required) }
            return .object(schema)
        }
    }
}

extension SchemaLeaf {
    /// The JSON Schema of a leaf value.
    var jsonSchema: EventJSON {
        switch self {
        case .string:
            return .object(["type": .string("string")])
        case .integer(let minimum):
            var schema: [String: EventJSON] = ["type": .string("integer")]
            if let minimum { schema["minimum"] = .integer(minimum) }
            return .object(schema)
        case .number:
            return .object(["type": .string("number")])
        case .boolean:
            return .object(["type": .string("boolean")])
        case .dateTime:
            return .object([
                "type": .string("string"),
                "format": .string("date-time"),
                "description": .string("UTC instant, ISO 8601 with milliseconds, e.g. 2024-09-10T16:59:00.000Z"),
            ])
        case .date:
            return .object([
                "type": .string("string"),
                "format": .string("date"),
                "description": .string("Calendar date YYYY-MM-DD"),
            ])
        case .uuid:
            return .object(["type": .string("string"), "format": .string("uuid")])
        case .decimal:
            return .object([
                "type": .string("string"),
                "pattern": .string(SchemaLeaf.decimalPattern),
                "description": .string("Exact decimal number written as a string, e.g. \"80.36\""),
            ])
        case .uri:
            return .object(["type": .string("string"), "format": .string("uri")])
        case .anyJSON:
            return .object(["description": .string("Any JSON value")])
        }
    }

    /// The pattern of ``ExactDecimal`` strings.
    static let decimalPattern = "^-?[0-9]+(\\.[0-9]+)?$"
}
