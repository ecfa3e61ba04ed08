import RecruitmentEvents

/// Where a piece of public feedback stands: `received` (waiting for moderation) → `published` (listed publicly) or
/// `rejected` (with a public reason); `received` or `published` → `answered` (an official answer, public or for the
/// sender only). Every other move is refused with a 409 and changes nothing.
enum FeedbackState: String, SchemaEnumeration, Hashable {
    case received
    case published
    case rejected
    case answered

    /// Whether an announcer may still publish or reject it.
    var canBeModerated: Bool { self == .received }

    /// Whether an announcer may still answer it.
    var canBeAnswered: Bool { self == .received || self == .published }
}
