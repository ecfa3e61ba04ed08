/// What public feedback is about (DOMAIN §5.2 complaint channels).
public enum FeedbackCategory: String, SchemaEnumeration, Hashable {
    /// Registration and accounts.
    case registration = "registration"

    /// Administrative verification and objections.
    case verification = "verification"

    /// Exams, sites and the live scoreboard.
    case exam = "exam"

    /// Published results.
    case results = "results"

    /// The transparency log and its proofs.
    case transparencyLog = "transparency-log"

    /// Anything else.
    case other = "other"
}
