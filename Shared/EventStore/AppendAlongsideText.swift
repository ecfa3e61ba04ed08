import Synchronization

/// The name and SQL of each kind of change's ``AppendAlongsideStatement``, composed once per process.
///
/// PostgresNIO asks a prepared statement for its `name` and `sql` on every execution; composing the combined
/// statement, and checking the change's guard, on every append cost more CPU than the rest of the store's work on a
/// submission (profiled). A change's text is static, so the first append of each kind composes and checks it.
struct AppendAlongsideText: Sendable {
    /// The prepared statement's name.
    let name: String
    /// The combined statement.
    let sql: String
    /// Whether the change's SQL includes ``EventStore/whenAppended`` (see ``AppendAlongsideChange/sql``).
    let isGuarded: Bool

    private static let composed = Mutex<[ObjectIdentifier: AppendAlongsideText]>([:])

    /// The text for changes of type `change`.
    static func of<Change: AppendAlongsideChange>(_ change: Change.Type) -> AppendAlongsideText {
        let key = ObjectIdentifier(change)
        if let known = composed.withLock({ $0[key] }) { return known }
        let text = AppendAlongsideText(change)
        composed.withLock { $0[key] = text }
        return text
    }

    private init<Change: AppendAlongsideChange>(_ change: Change.Type) {
        name = "asn_event_store_append_alongside_v3_\(Change.name)"
        let first = Change.parameterCount + 1
        let (stream, version, id, type, payload, metadata, expected) =
            (first, first + 1, first + 2, first + 3, first + 4, first + 5, first + 6)
        sql = """
            WITH appended AS (
                INSERT INTO events (stream_id, stream_version, event_id, type, payload, metadata)
                SELECT $\(stream)::text, $\(version)::bigint, $\(id)::uuid, $\(type)::text, $\(payload)::text::jsonb,
                       $\(metadata)::text::jsonb
                WHERE $\(expected)::bigint = 0
                   OR EXISTS (SELECT 1 FROM events WHERE stream_id = $\(stream)::text
                                                     AND stream_version = $\(expected)::bigint)
                ON CONFLICT DO NOTHING
                RETURNING position, recorded_at, payload
            ), \(EventStore.enqueueAppended), alongside AS (
            \(Change.sql)
            )
            SELECT position, recorded_at FROM appended
            """
        isGuarded = Self.contains(Array(Change.sql.utf8), Array(EventStore.whenAppended.utf8))
    }

    /// Whether `needle` occurs in `haystack`, byte for byte (no Unicode rules: both are SQL text).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count)
        where haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
