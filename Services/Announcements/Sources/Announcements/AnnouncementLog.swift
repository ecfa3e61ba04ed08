import Foundation
import PostgresNIO
import TransparencyLog

/// Where published announcements and their rows go: the transparency log, appended inside the publishing
/// transaction (so an announcement is never published without its leaves), and asked for a fresh checkpoint after.
struct AnnouncementLog: Sendable {
    /// A record to append: its id, kind and JSON.
    typealias Entry = (id: UUID, kind: String, record: JSONValue)

    /// Appends `entries` on the caller's transaction; answers each entry's leaf index, in order.
    var append: @Sendable (_ entries: [Entry], _ connection: PostgresConnection) async throws -> [Int64]
    /// Signs a checkpoint covering everything committed so far (best effort: the periodic signer catches up).
    var checkpoint: @Sendable () async -> Void
}
