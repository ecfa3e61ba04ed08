/// What a projection's apply closure did with one event.
public enum ApplyOutcome: Sendable, Hashable {
    /// The event changed the read model.
    case applied
    /// The projection has no interest in this event (it still counts as processed).
    case ignored
    /// The event cannot be projected (unknown type or version, violated invariant): record it in `dead_letters` with
    /// this reason and move on, so the partition keeps flowing. The closure must not have written anything for it.
    case deadLetter(reason: String)
}
