public import RecruitmentEvents

/// A role an account holds; carried in the `roles` claim of an access token.
///
/// The raw values are the wire names (`exam_officer`, not `examOfficer`), shared by every service and by any external
/// issuer that replaces the registration service.
public enum Role: String, SchemaEnumeration, Hashable {
    /// A person applying for a formation.
    case applicant
    /// An officer who verifies applicants' documents.
    case verifier
    /// An officer who confirms verification decisions (four-eyes) and handles objections.
    case supervisor
    /// An officer who runs exam sessions and enters scores.
    case examOfficer = "exam_officer"
    /// An officer who publishes results.
    case announcer
    /// Manages officer accounts and selection periods.
    case admin
}
