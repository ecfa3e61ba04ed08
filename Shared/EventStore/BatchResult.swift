/// The outcome of ``ProjectionStore/applyBatch(group:messages:isolation:apply:)``, committed as one transaction.
public struct BatchResult: Sendable, Equatable {
    /// What happened to one message.
    public enum MessageOutcome: Sendable, Hashable {
        /// The apply closure projected it.
        case applied
        /// The apply closure ignored it.
        case ignored
        /// Its event id was already in the inbox: it was processed before and was skipped.
        case duplicate
        /// It was written to `dead_letters` with this reason.
        case deadLettered(reason: String)
    }

    /// One outcome per message, in the order the messages were given.
    public var outcomes: [MessageOutcome]
    /// The next offset stored for each partition of the batch after it committed (never lower than before).
    public var nextOffsets: [TopicPartition: Int64]

    /// Creates a result.
    public init(outcomes: [MessageOutcome], nextOffsets: [TopicPartition: Int64]) {
        self.outcomes = outcomes
        self.nextOffsets = nextOffsets
    }

    /// How many messages were applied.
    public var appliedCount: Int { outcomes.count { $0 == .applied } }
    /// How many messages were ignored.
    public var ignoredCount: Int { outcomes.count { $0 == .ignored } }
    /// How many messages were skipped as duplicates.
    public var duplicateCount: Int { outcomes.count { $0 == .duplicate } }
    /// How many messages were dead-lettered.
    public var deadLetteredCount: Int {
        outcomes.count {
            if case .deadLettered = $0 { return true }
            return false
        }
    }
}
