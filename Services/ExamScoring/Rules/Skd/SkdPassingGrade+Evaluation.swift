public import RecruitmentEvents

extension SkdPassingGrade {
    /// Whether `scores` meet the passing grade (DOMAIN §2.1, §2.2): ≥ every component that is set ("paling rendah");
    /// a component left `nil` has no minimum, so a special formation ignores TWK and TKP.
    public func isMet(by scores: SkdScores) -> Bool {
        !misses(twk, scores.twk) && !misses(tiu, scores.tiu) && !misses(tkp, scores.tkp)
            && !misses(total, scores.total)
    }

    /// The components `scores` miss, for the TL reason of a ranking row (DOMAIN §3.1), in the order TWK, TIU, TKP,
    /// Total, e.g. `["TWK 60 < 65", "Total 280 < 286"]`; empty when ``isMet(by:)``.
    public func shortfalls(of scores: SkdScores) -> [String] {
        let components: [(name: String, minimum: Int?, score: Int)] = [
            ("TWK", twk, scores.twk), ("TIU", tiu, scores.tiu), ("TKP", tkp, scores.tkp),
            ("Total", total, scores.total),
        ]
        return components.compactMap { component in
            guard let minimum = component.minimum, component.score < minimum else { return nil }
            return "\(component.name) \(component.score) < \(minimum)"
        }
    }

    private func misses(_ minimum: Int?, _ score: Int) -> Bool {
        guard let minimum else { return false }
        return score < minimum
    }
}
