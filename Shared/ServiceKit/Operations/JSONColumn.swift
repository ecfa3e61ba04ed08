import RecruitmentEvents

/// Stores values as `jsonb` in their canonical event JSON (``EventCoding``: sorted keys, UTC ISO-8601 dates), so a
/// read-model document reads exactly like the event it came from.
public enum JSONColumn {
    /// The JSON text to bind to a `jsonb` parameter (write `\(JSONColumn.text(value))::jsonb`).
    public static func text(_ value: some Encodable) throws -> String {
        String(decoding: try EventCoding.encode(value), as: UTF8.self)
    }

    /// Decodes a `jsonb` column selected as text (`document::text`).
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try EventCoding.decode(T.self, from: Array(text.utf8))
    }
}
