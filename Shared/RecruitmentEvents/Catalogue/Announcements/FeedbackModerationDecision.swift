/// What an announcer decided about received public feedback.
public enum FeedbackModerationDecision: String, SchemaEnumeration, Hashable {
    /// Shown in the public feedback list (the message as screened at receipt).
    case published = "published"

    /// Not shown publicly; the sender sees the public reason with the tracking code.
    case rejected = "rejected"
}
