public import PostgresNIO

/// A read-model change that runs in the very statement that appends an event
/// (``EventStore/append(_:expectedVersion:alongside:)``), so the two commit together in one round trip.
///
/// Like a `PostgresPreparedStatement`, the SQL is static: the store prepares the combined statement once per
/// connection, so PostgreSQL parses and plans it once instead of on every append.
public protocol AppendAlongsideChange: Sendable {
    /// Names the prepared statement; unique among the service's changes. Version it (`…_v2`) when ``sql`` changes.
    static var name: String { get }

    /// A data-modifying statement (`UPDATE`, `INSERT … SELECT`, `DELETE`) whose `WHERE` clause includes
    /// ``EventStore/whenAppended``: a common table expression runs whether or not the event was appended, and this
    /// condition is what keeps the change from applying when it was not. Its parameters are `$1`…`$n`, each with an
    /// explicit type (`$1::text`), where `n` is ``parameterCount``. ``EventStore/appendedPayload`` is the event's
    /// payload.
    static var sql: String { get }

    /// The number of parameters of ``sql``.
    static var parameterCount: Int { get }

    /// The values of `$1`…`$n`, in order.
    func makeBindings() throws -> PostgresBindings
}
