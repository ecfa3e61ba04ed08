import RecruitmentEvents

/// The Indonesian reason details of ranking rows, in the style of the published lists (DOMAIN §3.1).
enum SkdRankingDetail {
    /// "Sama persis dengan peringkat 3 (total, TKP, TIU, TWK)."
    static func tiedAtCutOff(rank: Int) -> String {
        "Sama persis dengan peringkat \(rank) (total, TKP, TIU, TWK)."
    }

    /// The first criterion on which `scores` fall below `cutOff` (the last P/L row), e.g. "Total 390 < 398." or
    /// "TIU 120 < 125 pada total dan TKP yang sama."; `nil` if they are fully tied (which ranking rules out).
    static func outsideCutOff(_ scores: SkdScores, below cutOff: SkdScores) -> String? {
        if scores.total != cutOff.total {
            return "Total \(scores.total) < \(cutOff.total)."
        }
        if scores.tkp != cutOff.tkp {
            return "TKP \(scores.tkp) < \(cutOff.tkp) pada total yang sama."
        }
        if scores.tiu != cutOff.tiu {
            return "TIU \(scores.tiu) < \(cutOff.tiu) pada total dan TKP yang sama."
        }
        if scores.twk != cutOff.twk {
            return "TWK \(scores.twk) < \(cutOff.twk) pada total, TKP dan TIU yang sama."
        }
        return nil
    }
}
