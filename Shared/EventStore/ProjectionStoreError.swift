/// Why the projection store refused an operation.
public enum ProjectionStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The consumer group name is empty.
    case emptyGroup
    /// A message has an impossible position (negative partition or offset).
    case invalidMessage(topic: String, partition: Int32, offset: Int64)
    /// A batch-applying projection returned a different number of outcomes than it was given events.
    case outcomeCountMismatch(expected: Int, actual: Int)

    public var description: String {
        switch self {
        case .emptyGroup: "the consumer group name is empty"
        case .invalidMessage(let topic, let partition, let offset):
            "invalid message position \(topic)[\(partition)]@\(offset)"
        case .outcomeCountMismatch(let expected, let actual):
            "the projection returned \(actual) outcomes for \(expected) events"
        }
    }
}
