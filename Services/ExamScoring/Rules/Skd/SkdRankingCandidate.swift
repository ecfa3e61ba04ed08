public import Foundation

/// One applicant of a formation, as input to ``SkdRanking/rank(_:quota:passingGrade:)`` (DOMAIN §3.1).
public struct SkdRankingCandidate: Sendable, Hashable {
    /// The application.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The exam participant number (published; orders rows that tie).
    public var participantNumber: String
    /// The SKD outcome.
    public var outcome: SkdCandidateOutcome

    /// Creates the value; each parameter is the property of the same name.
    public init(applicationId: UUID, applicantId: UUID, participantNumber: String, outcome: SkdCandidateOutcome) {
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.participantNumber = participantNumber
        self.outcome = outcome
    }
}
