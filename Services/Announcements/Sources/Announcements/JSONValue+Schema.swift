public import RecruitmentEvents
public import TransparencyLog

/// Published records are free-form JSON in the OpenAPI document: their shape is the record's, checked by the log.
extension JSONValue: SchemaFreeFormJSON {
    public static var schemaPlaceholder: JSONValue { .null }
}
