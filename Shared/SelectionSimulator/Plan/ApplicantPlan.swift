/// Everything the simulation will do with one applicant, decided up front from the seed, so the expected public
/// outcome of every application is known before the run starts.
public struct ApplicantPlan: Sendable, Hashable {
    /// 0-based position in the plan.
    public var index: Int
    public var identity: ApplicantIdentity
    /// Index into ``SelectionPlan/formations``.
    public var formation: Int
    /// The S-1 major the applicant studied (one the formation accepts, unless ``registration`` is `.wrongMajor`).
    public var major: String
    /// IPK on a 4.00 scale, two decimals (`"3.45"`).
    public var grade: String
    public var registration: RegistrationFate
    public var verification: VerificationFate
    public var skd: SkdFate
    /// SKB component scores 0-100 by component (for the formation's scheme), or `nil` when absent from the SKB.
    public var skb: [String: Int]?

    /// Whether the application is submitted and so must appear in the public results.
    public var submits: Bool { registration == .eligible }

    /// The administrative outcome the public must see after the initial round: MS, or TMS.
    public var initialOutcome: String {
        switch verification {
        case .ms: "MS"
        case .tms, .tmsWithObjection: "TMS"
        }
    }

    /// Whether the applicant may sit the SKD: MS, or an upheld objection.
    public var sitsSkd: Bool {
        switch verification {
        case .ms: true
        case .tms: false
        case .tmsWithObjection(let upheld): upheld
        }
    }
}

/// What happens at registration.
public enum RegistrationFate: String, Sendable, Hashable {
    /// Signs up, uploads the documents and submits.
    case eligible
    /// Older than the formation's limit on the day of submission: the submission is refused (`birthDate`).
    case overAge
    /// Studied a major the formation does not accept: the submission is refused (`education.major`).
    case wrongMajor
}

/// What the verifier decides.
public enum VerificationFate: Sendable, Hashable {
    /// Every document valid: MS.
    case ms
    /// TMS for `requirement` (a requirement code such as `ijazah`) with `reason` (a reason code), countersigned.
    case tms(requirement: String, reason: String)
    /// TMS (ijazah unreadable), then an objection that is `upheld` (→ MS) or rejected.
    case tmsWithObjection(upheld: Bool)
}

/// What happens at the SKD.
public enum SkdFate: Sendable, Hashable {
    /// Sits the exam and scores these sub-scores, recorded `via` one of the service's three intakes.
    case scored(twk: Int, tiu: Int, tkp: Int, via: SkdIntake)
    /// Does not attend (TH).
    case absent
    /// Disqualified (DIS) with a reason.
    case disqualified
}

/// How an SKD result reaches the exam service.
public enum SkdIntake: String, Sendable, Hashable {
    /// Sub-scores as a CAT system reports them (`scores`).
    case subScores
    /// An answer sheet scored by the service against the package's answer key.
    case answerSheet
    /// A row of a CAT export file imported all-or-nothing (`POST /v1/skd-imports`).
    case importFile
}
