import RecruitmentEvents

/// Which decisions need a supervisor's countersignature before they are final (four eyes, issue: TMS by default).
enum CountersignaturePolicy: String, Sendable, CaseIterable {
    /// Only TMS decisions; MS is final as recorded.
    case tms
    /// Every decision.
    case all

    func requires(_ outcome: AdministrativeOutcome) -> Bool {
        switch self {
        case .tms: outcome == .tms
        case .all: true
        }
    }
}
