public import Foundation
public import Hummingbird

/// One page of a cursor-paginated list (ARCHITECTURE §6): the items and, unless this is the last page, the opaque
/// cursor to pass as `cursor` for the next one.
public struct Page<Item: Codable & Sendable>: Codable, Sendable {
    public var items: [Item]
    /// Pass as `cursor` to get the next page; absent on the last page.
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    /// The page of the first `limit` of `items`, read with one extra row to know whether more follow: the cursor is
    /// that of the last item kept.
    public init(upTo limit: Int, of items: [Item], cursor: (Item) -> String) {
        guard items.count > limit else {
            self.init(items: items, nextCursor: nil)
            return
        }
        let kept = Array(items.prefix(limit))
        self.init(items: kept, nextCursor: kept.last.map(cursor))
    }
}

extension ServiceRequestContext {
    /// The path parameter `name` as a UUID, or a 400 problem naming it.
    public func uuidParameter(_ name: String) throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else {
            throw Problem.invalidField(name, code: "uuid-format", "\(name) must be a UUID")
        }
        return id
    }
}

extension Request {
    /// The query parameter `name` as a UUID, `nil` when absent, or a 400 problem naming it.
    public func uuidQueryParameter(_ name: String, code: String = "uuid-format") throws -> UUID? {
        guard let raw = uri.queryParameters[Substring(name)] else { return nil }
        guard let id = UUID(uuidString: String(raw)) else {
            throw Problem.invalidField(name, code: code, "\(name) must be a UUID")
        }
        return id
    }

    /// The `limit` query parameter within `range`, `defaultLimit` when absent, or a 400 problem.
    public func pageLimit(default defaultLimit: Int = 100, range: ClosedRange<Int> = 1...500) throws -> Int {
        guard let raw = uri.queryParameters["limit"] else { return defaultLimit }
        guard let value = Int(String(raw)), range.contains(value) else {
            throw Problem.invalidField(
                "limit", code: "range", "an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// A `cursor` query parameter that is an id (the last item of the previous page), `nil` on the first page.
    public func idCursor() throws -> UUID? {
        guard let raw = uri.queryParameters["cursor"] else { return nil }
        guard let id = UUID(uuidString: String(raw)) else {
            throw Problem.invalidField("cursor", code: "cursor-format", "a cursor from a previous page")
        }
        return id
    }
}

extension UUID {
    /// The smallest UUID: where an id-ordered listing starts when no cursor is given.
    public static let minimum = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}
