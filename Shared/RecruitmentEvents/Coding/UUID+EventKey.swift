public import Foundation

extension UUID {
    /// The form of a UUID in partition keys, subjects, stream ids and URLs: lowercase, as RFC 9562 recommends.
    public var eventKey: String { uuidString.lowercased() }
}
