/// What an officer account may do (ARCHITECTURE §6). Applicants are not officers; they hold the `applicant` role of
/// their own account only.
public enum OfficerRole: String, SchemaEnumeration, Hashable {
    /// Verifies documents and decides MS/TMS (DOMAIN §1.4).
    case verifier = "verifier"

    /// Countersigns or returns verification decisions, answers objections (DOMAIN §1.4-1.5).
    case supervisor = "supervisor"

    /// Runs exam sessions and records results (DOMAIN §1.6-1.8).
    case examOfficer = "exam_officer"

    /// Drafts and publishes official announcements (ARCHITECTURE §7).
    case announcer = "announcer"

    /// Opens periods, publishes formations and manages officer accounts.
    case admin = "admin"
}
