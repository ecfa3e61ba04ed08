public import Foundation
public import RecruitmentEvents

/// One applicant of a formation as the final integration needs them (DOMAIN §3.2, §3.3): the SKD scores, the SKB
/// outcome and the academic grade for the third tie-break. Birth dates never reach the exam service; age is decided
/// from an ordering supplied separately (``FinalRanking/tiesNeedingAge(_:policy:)``).
public struct FinalCandidate: Sendable, Hashable {
    /// The application; unique within the ranked formation.
    public var applicationId: UUID
    /// The applicant.
    public var applicantId: UUID
    /// The exam participant number (published; orders rows that share a rank).
    public var participantNumber: String
    /// The SKD scores: TWK, TIU, TKP and total = TWK + TIU + TKP, 0–550 (DOMAIN §2).
    public var skdScores: SkdScores
    /// What the SKB came to.
    public var skb: FinalSkbOutcome
    /// GPA or average diploma grade, if reported: value between 0 and a positive scale maximum.
    public var academicGrade: AcademicGrade?

    /// Creates the value; each parameter is the property of the same name.
    public init(
        applicationId: UUID,
        applicantId: UUID,
        participantNumber: String,
        skdScores: SkdScores,
        skb: FinalSkbOutcome,
        academicGrade: AcademicGrade? = nil
    ) {
        self.applicationId = applicationId
        self.applicantId = applicantId
        self.participantNumber = participantNumber
        self.skdScores = skdScores
        self.skb = skb
        self.academicGrade = academicGrade
    }
}
