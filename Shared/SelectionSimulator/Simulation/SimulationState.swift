import Synchronization

/// What one applicant has become in the suite so far: the ids and numbers the services answered.
public struct ApplicantRecord: Sendable {
    public var applicantId: String?
    /// The application id, lower-cased (services may answer either case).
    public var applicationId: String?
    public var token: String?
    public var registrationNumber: String?
    /// The verification case.
    public var caseId: String?
    /// The SKD participant number, once seated.
    public var participantNumber: String?
}

/// The officer accounts a run works with (access tokens from the registration service).
public struct OfficerTokens: Sendable {
    public var admin: String
    /// Several verifiers share the queue.
    public var verifiers: [String]
    public var supervisor: String
    public var examOfficer: String
    public var announcer: String
}

/// One announcement the run published.
public struct PublishedAnnouncement: Sendable {
    /// `administrative-results`, `skd-results`, `final-results`, ...
    public var kind: String
    /// Index into the plan's formations, for per-formation kinds.
    public var formation: Int?
    public var announcementId: String
    public var rowCount: Int
}

/// The run's shared, mutable state: ids the services answered, per applicant and for the period. Stages read what
/// earlier stages wrote; applicant records are updated concurrently, so every access goes through the lock.
public final class SimulationState: Sendable {
    private struct Storage {
        var applicants: [Int: ApplicantRecord] = [:]
        var periodId: String?
        var formationIds: [String] = []
        var officers: OfficerTokens?
        var announcements: [PublishedAnnouncement] = []
        var notes: [String] = []
        var expectedCodes: [String: [Int: String]] = [:]
    }

    private let storage = Mutex(Storage())

    public init() {}

    /// The record of applicant `index` (empty if nothing happened yet).
    public func applicant(_ index: Int) -> ApplicantRecord {
        storage.withLock { $0.applicants[index] ?? ApplicantRecord() }
    }

    /// Changes the record of applicant `index`.
    public func update(_ index: Int, _ change: @Sendable (inout ApplicantRecord) -> Void) {
        storage.withLock { change(&$0.applicants[index, default: ApplicantRecord()]) }
    }

    /// Every applicant record, by plan index.
    public var applicants: [Int: ApplicantRecord] { storage.withLock { $0.applicants } }

    public var periodId: String? {
        get { storage.withLock { $0.periodId } }
        set { storage.withLock { $0.periodId = newValue } }
    }

    /// The formation ids in plan order.
    public var formationIds: [String] {
        get { storage.withLock { $0.formationIds } }
        set { storage.withLock { $0.formationIds = newValue } }
    }

    public var officers: OfficerTokens? {
        get { storage.withLock { $0.officers } }
        set { storage.withLock { $0.officers = newValue } }
    }

    /// Announcements in publication order.
    public var announcements: [PublishedAnnouncement] { storage.withLock { $0.announcements } }

    public func recordAnnouncement(_ announcement: PublishedAnnouncement) {
        storage.withLock { $0.announcements.append(announcement) }
    }

    /// Records the result code the public must see for applicant `index` in announcements of `kind`
    /// (`skd-results`, `final-results`): the stage that produced the result knows it.
    public func expectCode(_ code: String, kind: String, applicant index: Int) {
        storage.withLock { $0.expectedCodes[kind, default: [:]][index] = code }
    }

    /// The expected codes of `kind`, by applicant index.
    public func expectedCodes(kind: String) -> [Int: String] {
        storage.withLock { $0.expectedCodes[kind] ?? [:] }
    }

    /// Things the report should mention that are neither failures nor figures (e.g. a round that must wait).
    public var notes: [String] { storage.withLock { $0.notes } }

    public func note(_ text: String) {
        storage.withLock { $0.notes.append(text) }
    }
}
