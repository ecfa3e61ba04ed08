import Foundation
import PostgresNIO
import RecruitmentEvents

/// The statement of ``EventStore/append(_:expectedVersion:alongside:)``, prepared once per connection for each kind of
/// change: the insert as the CTE `appended` (returning the position and time of the new row; no row when the stream
/// is not at the expected version or a unique constraint already holds; the change may read the payload through
/// ``EventStore/appendedPayload``), the change as the CTE `alongside`. The change's parameters come first, the store's
/// seven follow.
struct AppendAlongsideStatement<Change: AppendAlongsideChange>: PostgresPreparedStatement {
    static var name: String { AppendAlongsideText.of(Change.self).name }

    static var sql: String { AppendAlongsideText.of(Change.self).sql }

    typealias Row = (Int64, Date)

    var event: EventEnvelope
    var expectedVersion: Int64
    var change: Change

    func makeBindings() throws -> PostgresBindings {
        var bindings = try change.makeBindings()
        guard bindings.count == Change.parameterCount else {
            throw EventStoreError.invalidAppend(
                reason: "the change \(Change.name) bound \(bindings.count) values for \(Change.parameterCount) parameters")
        }
        bindings.append(event.streamId)
        bindings.append(event.streamVersion)
        bindings.append(event.id)
        bindings.append(event.type)
        bindings.append(String(decoding: event.data, as: UTF8.self))
        bindings.append(EventMetadata(event).jsonText())
        bindings.append(expectedVersion)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> (Int64, Date) {
        try row.decode((Int64, Date).self)
    }
}
