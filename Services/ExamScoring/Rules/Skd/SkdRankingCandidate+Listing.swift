import RecruitmentEvents

extension SkdRankingCandidate {
    /// Listing order among equals: participant number, then application id, then applicant id (ids by their bytes,
    /// which is also the order of their text).
    static func listsBefore(_ lhs: SkdRankingCandidate, _ rhs: SkdRankingCandidate) -> Bool {
        if lhs.participantNumber != rhs.participantNumber { return lhs.participantNumber < rhs.participantNumber }
        if lhs.applicationId != rhs.applicationId { return lhs.applicationId.precedesBytewise(rhs.applicationId) }
        return lhs.applicantId.precedesBytewise(rhs.applicantId)
    }

    /// This candidate's ranking row.
    func row(
        scores: SkdScores? = nil, rank: Int? = nil, code: SkdResultCode, reason: SkdRankingReason, detail: String? = nil
    ) -> SkdRankingRow {
        SkdRankingRow(
            applicationId: applicationId, applicantId: applicantId, participantNumber: participantNumber,
            scores: scores, rank: rank, code: code, reason: reason, reasonDetail: detail)
    }
}
