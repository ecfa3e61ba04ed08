/// Who may call what: the specification the authorisation matrix checks every service's live API against.
///
/// Written by hand from the rules (ARCHITECTURE §6, README "API") and checked against the code
/// (`requireRole` / `requireIdentity` in `Services/*/Sources`). Every operation of every `/openapi.json` must have a
/// row, and every row an operation, so a new endpoint cannot be forgotten: add it here with the access it should have.
enum AuthorizationTable {
    /// The access an operation grants.
    enum Access: Equatable, CustomStringConvertible {
        /// The operations endpoints (`/health/*`, `/metrics`, `/info`, `/openapi.json`): registered before the
        /// authentication middleware, they never look at `Authorization`, so every caller, even one sending a forged
        /// token, gets the same answer (probes never carry tokens, and must work while the token keys are unknown).
        case operations
        /// Anyone, without a token. A valid token of any role changes nothing. A token that is sent must be valid:
        /// an expired, forged or tampered one is a 401 here too (RFC 6750 §3.1; `AuthenticationMiddlewareTests`
        /// pins that deliberate choice, and every public operation documents the 401), so a client learns at once
        /// that its session is gone instead of being served silently as anonymous. Public data never depends on
        /// who asks, so refusing a bad token there hides nothing and costs an honest client one retry without it.
        case open
        /// Any signed-in account, whatever its roles.
        case signedIn
        /// Only accounts holding one of these roles (wire names); anyone else is a 403.
        case roles(Set<String>)

        var description: String {
            switch self {
            case .operations: "operations (no authentication)"
            case .open: "public"
            case .signedIn: "any signed-in account"
            case .roles(let roles): roles.sorted().joined(separator: "|")
            }
        }

        /// Whether an account holding `role` passes authorisation.
        func admits(_ role: String) -> Bool {
            switch self {
            case .operations, .open, .signedIn: true
            case .roles(let roles): roles.contains(role)
            }
        }
    }

    static let everyRole = ["applicant", "verifier", "supervisor", "exam_officer", "announcer", "admin"]

    static func only(_ roles: String...) -> Access { .roles(Set(roles)) }

    /// The operations endpoints every service serves (ServiceKit's `OperationsRoutes`).
    static let operationsEndpoints: [String: Access] = [
        "GET /health/live": .operations, "GET /health/ready": .operations, "GET /info": .operations,
        "GET /metrics": .operations, "GET /openapi.json": .operations,
    ]

    // MARK: Registration

    /// Officers who review applications read any application and its documents (`ApplicationRoutes.reviewingRoles`).
    static let reviewers = only("verifier", "supervisor", "admin")
    /// An applicant reads their own application; reviewers read any. Other officers have no business there.
    static let applicationReaders = only("applicant", "verifier", "supervisor", "admin")

    static let registration: [String: Access] = operationsEndpoints.merging([
        "GET /.well-known/jwks.json": .open,
        "POST /v1/accounts": .open,
        "POST /v1/auth/token": .open,
        "GET /v1/me": .signedIn,
        "GET /v1/periods": .open,
        "GET /v1/periods/{periodId}": .open,
        "GET /v1/periods/{periodId}/formations": .open,
        "GET /v1/formations/{formationId}": .open,
        "POST /v1/admin/officers": only("admin"),
        "GET /v1/admin/officers": only("admin"),
        "POST /v1/admin/periods": only("admin"),
        "POST /v1/admin/periods/{periodId}/formations": only("admin"),
        "POST /v1/admin/periods/{periodId}/deadline-extensions": only("admin"),
        "POST /v1/applications": only("applicant"),
        "GET /v1/applications": only("applicant"),
        "GET /v1/applications/{applicationId}": applicationReaders,
        "PUT /v1/applications/{applicationId}/formation": only("applicant"),
        "PUT /v1/applications/{applicationId}/documents/{requirementCode}": only("applicant"),
        "GET /v1/applications/{applicationId}/documents/{requirementCode}": applicationReaders,
        "POST /v1/applications/{applicationId}/submission": only("applicant"),
        "GET /v1/applications/{applicationId}/card": applicationReaders,
        "POST /v1/applications/{applicationId}/withdrawal": only("applicant"),
        "GET /internal/v1/documents/{documentId}": reviewers,
        // The exam service asks for the age tie-break with the exam officer's token.
        "POST /internal/v1/age-order": only("exam_officer", "admin"),
    ]) { _, new in new }

    // MARK: Verification

    /// Officers who read cases, queues and publications (`CaseRoutes.officerRoles`).
    static let caseReaders = only("verifier", "supervisor", "admin")

    static let verification: [String: Access] = operationsEndpoints.merging([
        "GET /v1/reason-codes": .open,
        "GET /v1/queue": caseReaders,
        "GET /v1/queue/formations": caseReaders,
        "GET /v1/countersignatures": only("supervisor", "admin"),
        "GET /v1/objections": caseReaders,
        "GET /v1/integrity-alerts": only("supervisor", "admin"),
        "GET /v1/cases": caseReaders,
        "GET /v1/cases/{caseId}": caseReaders,
        "GET /v1/cases/{caseId}/history": caseReaders,
        "POST /v1/cases/{caseId}/claim": only("verifier"),
        "POST /v1/cases/{caseId}/release": only("verifier"),
        "POST /v1/cases/{caseId}/conflicts": only("verifier", "supervisor"),
        "GET /v1/cases/{caseId}/documents/{documentId}": caseReaders,
        "PUT /v1/cases/{caseId}/documents/{documentId}/review": only("verifier"),
        "POST /v1/cases/{caseId}/decision": only("verifier"),
        "POST /v1/cases/{caseId}/countersignature": only("supervisor"),
        "POST /v1/cases/{caseId}/return": only("supervisor"),
        "POST /v1/cases/{caseId}/objection/resolution": only("supervisor"),
        "POST /v1/formations/{formationId}/administrative-results": only("supervisor", "admin"),
        "GET /v1/formations/{formationId}/administrative-results": caseReaders,
        "GET /v1/applications/{applicationId}/verification": only("applicant"),
        "POST /v1/applications/{applicationId}/objection": only("applicant"),
    ]) { _, new in new }

    // MARK: Exam scoring

    /// Officers who read exam data (`SessionRoutes.readers`): the announcer drafts schedules and results from it.
    static let examReaders = only("exam_officer", "admin", "announcer")
    static let examOfficer = only("exam_officer")

    static let examScoring: [String: Access] = operationsEndpoints.merging([
        "POST /v1/sessions": examOfficer,
        "GET /v1/sessions": examReaders,
        "GET /v1/sessions/{sessionId}": examReaders,
        "POST /v1/sessions/{sessionId}/reschedule": examOfficer,
        "GET /v1/sessions/{sessionId}/roster": examReaders,
        "POST /v1/periods/{periodId}/seating": examOfficer,
        // Answer keys are confidential: not even administrators or announcers list packages.
        "POST /v1/exam-packages": examOfficer,
        "GET /v1/exam-packages": examOfficer,
        "POST /v1/participants/{participantNumber}/skd-result": examOfficer,
        "POST /v1/participants/{participantNumber}/skb-result": examOfficer,
        "POST /v1/participants/{participantNumber}/absence": examOfficer,
        "POST /v1/participants/{participantNumber}/disqualification": examOfficer,
        "POST /v1/skd-imports": examOfficer,
        "GET /v1/formations/{formationId}/skd-ranking": examReaders,
        "POST /v1/formations/{formationId}/skd-ranking": examOfficer,
        "GET /v1/formations/{formationId}/skb-scheme": examReaders,
        "PUT /v1/formations/{formationId}/skb-scheme": examOfficer,
        "POST /v1/periods/{periodId}/final-results": examOfficer,
        "GET /v1/formations/{formationId}/final-results": examReaders,
        "GET /v1/me/exam-cards": only("applicant"),
    ]) { _, new in new }

    // MARK: Announcements

    static let announcers = only("announcer", "admin")

    static let announcements: [String: Access] = operationsEndpoints.merging([
        "GET /": .open,
        "GET /assets/app.js": .open,
        "GET /assets/app.css": .open,
        "GET /v1/formations/counts": .open,
        "GET /v1/formations/{formationId}/counts": .open,
        "GET /v1/periods": .open,
        "GET /v1/periods/{periodId}": .open,
        "GET /v1/formations": .open,
        "GET /v1/formations/{formationId}": .open,
        "GET /v1/formations/{formationId}/administrative-results": .open,
        "GET /v1/formations/{formationId}/skd-results": .open,
        "GET /v1/formations/{formationId}/final-results": .open,
        "GET /v1/open-data/formations": .open,
        "GET /v1/open-data/formations.csv": .open,
        "GET /v1/announcements": .open,
        "GET /v1/announcements/{announcementId}": .open,
        "GET /v1/scoreboard/sessions": .open,
        "GET /v1/scoreboard/results": .open,
        "GET /v1/scoreboard/stream": .open,
        "GET /v1/log/checkpoint": .open,
        "GET /v1/log/key": .open,
        "GET /v1/log/records/{recordId}": .open,
        "GET /v1/log/proofs/inclusion": .open,
        "GET /v1/log/proofs/consistency": .open,
        // Feedback is public and rate-limited; moderation is the announcers'.
        "POST /v1/feedback": .open,
        "GET /v1/feedback": .open,
        "GET /v1/feedback/{trackingCode}": .open,
        "GET /internal/v1/feedback": announcers,
        "POST /internal/v1/feedback/{feedbackId}/moderation": announcers,
        "POST /internal/v1/feedback/{feedbackId}/answer": announcers,
        "POST /internal/v1/announcements/drafts": announcers,
        "GET /internal/v1/announcements/drafts": announcers,
        "GET /internal/v1/announcements/drafts/{draftId}": announcers,
        "POST /internal/v1/announcements/drafts/{draftId}/refresh": announcers,
        "DELETE /internal/v1/announcements/drafts/{draftId}": announcers,
        "POST /internal/v1/announcements/drafts/{draftId}/publish": announcers,
    ]) { _, new in new }
}
