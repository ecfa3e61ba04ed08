import RecruitmentEvents
import Testing
@testable import ExamScoringRules

@Suite("SkdRanking (DOMAIN §3.1)")
struct SkdRankingTests {
    typealias Fixture = SkdFixtures

    /// (participant number suffix, rank, code, reason, detail) of each row, for compact expectations.
    struct Summary: Hashable, CustomStringConvertible {
        var number: Int
        var rank: Int?
        var code: SkdResultCode
        var reason: SkdRankingReason
        var detail: String?

        init(_ number: Int, _ rank: Int?, _ code: SkdResultCode, _ reason: SkdRankingReason, _ detail: String? = nil) {
            self.number = number
            self.rank = rank
            self.code = code
            self.reason = reason
            self.detail = detail
        }

        var description: String {
            "#\(number) rank \(rank.map(String.init) ?? "-") \(code.rawValue) \(reason.rawValue) \(detail ?? "")"
        }
    }

    static func summaries(_ rows: [SkdRankingRow]) -> [Summary] {
        rows.map { row in
            Summary(Int(row.participantNumber.suffix(5)) ?? -1, row.rank, row.code, row.reason, row.reasonDetail)
        }
    }

    @Test("SKB places are 3 × quota", arguments: [(1, 3), (2, 6), (20, 60), (82, 246)])
    func skbPlaces(quota: Int, places: Int) {
        #expect(SkdRanking.skbPlaces(quota: quota) == places)
    }

    @Test("A quota below 1 is a programming error")
    func quotaPrecondition() async {
        await #expect(processExitsWith: .failure) {
            _ = SkdRanking.rank([], quota: 0, passingGrade: SkdPassingGrade())
        }
    }

    @Test("Total, then TKP, TIU, TWK; only full ties share a rank (1, 2, 3, 3, 5)")
    func competitionRanks() {
        let candidates = [
            Fixture.candidate(5, 90, 120, 188),  // 398, TIU lower than #3 and #4
            Fixture.candidate(4, 85, 125, 188),  // 398
            Fixture.candidate(1, 100, 130, 200), // 430
            Fixture.candidate(3, 85, 125, 188),  // 398
            Fixture.candidate(2, 90, 130, 190),  // 410
        ]
        let rows = SkdRanking.rank(candidates, quota: 2, passingGrade: Fixture.general)
        #expect(Self.summaries(rows) == [
            Summary(1, 1, .passedToSkb, .withinCutOff), Summary(2, 2, .passedToSkb, .withinCutOff),
            Summary(3, 3, .passedToSkb, .withinCutOff), Summary(4, 3, .passedToSkb, .withinCutOff),
            Summary(5, 5, .passedToSkb, .withinCutOff),
        ])
    }

    @Test("Same total: TKP decides before TIU, TIU before TWK")
    func tieBreakOrder() {
        let candidates = [
            Fixture.candidate(1, 150, 80, 170), // 400, TKP 170
            Fixture.candidate(2, 70, 150, 180), // 400, TKP 180, TIU 150
            Fixture.candidate(3, 75, 145, 180), // 400, TKP 180, TIU 145
            Fixture.candidate(4, 65, 165, 170), // 400, TKP 170, TIU 165
        ]
        let rows = SkdRanking.rank(candidates, quota: 1, passingGrade: Fixture.general)
        #expect(Self.summaries(rows).map(\.number) == [2, 3, 4, 1])
        #expect(rows.map(\.rank) == [1, 2, 3, 4])
    }

    @Test("The 2023 Kemenkumham case: both applicants fully tied at the last place go on, the TIU-lower one does not")
    func kemenkumham2023() {
        // 2 posts → 6 places (82 → 246 in the real case); the fully tied pair takes places 6 and 7 (246 and 247).
        let candidates = [
            Fixture.candidate(1, 120, 140, 200), Fixture.candidate(2, 115, 135, 195),
            Fixture.candidate(3, 110, 130, 190),
            Fixture.candidate(4, 100, 130, 185), Fixture.candidate(5, 95, 130, 180),
            Fixture.candidate(6, 85, 125, 188), Fixture.candidate(7, 85, 125, 188),
            Fixture.candidate(8, 90, 120, 188),
        ]
        let rows = SkdRanking.rank(candidates, quota: 2, passingGrade: Fixture.general)
        #expect(Self.summaries(rows).suffix(3) == [
            Summary(6, 6, .passedToSkb, .withinCutOff),
            Summary(7, 6, .passedToSkb, .tiedAtCutOff, "Sama persis dengan peringkat 6 (total, TKP, TIU, TWK)."),
            Summary(8, 8, .passedOutsideQuota, .outsideCutOff, "TIU 120 < 125 pada total dan TKP yang sama."),
        ])
        #expect(rows.filter { $0.code == .passedToSkb }.count == 7)
    }

    @Test("An applicant outside the cut-off is told the criterion that put them below the last P/L row", arguments: [
        (80, 125, 185, "Total 390 < 398."),
        (90, 125, 183, "TKP 183 < 188 pada total yang sama."),
        (90, 120, 188, "TIU 120 < 125 pada total dan TKP yang sama."),
    ])
    func outsideDetail(twk: Int, tiu: Int, tkp: Int, detail: String) {
        let candidates = [
            Fixture.candidate(1, 120, 130, 200), Fixture.candidate(2, 110, 125, 190),
            Fixture.candidate(3, 85, 125, 188), Fixture.candidate(4, twk, tiu, tkp),
        ]
        let rows = SkdRanking.rank(candidates, quota: 1, passingGrade: Fixture.general)
        #expect(Self.summaries(rows).last == Summary(4, 4, .passedOutsideQuota, .outsideCutOff, detail))
    }

    @Test("Rows further down are still compared with the last P/L row, not the row above")
    func comparedWithLastAdmitted() {
        let candidates = [
            Fixture.candidate(1, 120, 130, 200), Fixture.candidate(2, 110, 125, 190),
            Fixture.candidate(3, 85, 125, 188), Fixture.candidate(4, 80, 125, 185), Fixture.candidate(5, 80, 125, 175), Fixture.candidate(6, 80, 125, 175),
        ]
        let rows = SkdRanking.rank(candidates, quota: 1, passingGrade: Fixture.general)
        #expect(Self.summaries(rows).suffix(3) == [
            Summary(4, 4, .passedOutsideQuota, .outsideCutOff, "Total 390 < 398."),
            Summary(5, 5, .passedOutsideQuota, .outsideCutOff, "Total 380 < 398."),
            Summary(6, 5, .passedOutsideQuota, .outsideCutOff, "Total 380 < 398."),
        ])
    }

    @Test("The TWK detail (reachable only when a total is not TWK + TIU + TKP) and full ties have their wording")
    func detailWording() {
        let cutOff = SkdScores(twk: 85, tiu: 125, tkp: 188, total: 398)
        #expect(SkdRankingDetail.outsideCutOff(SkdScores(twk: 80, tiu: 125, tkp: 188, total: 398), below: cutOff)
            == "TWK 80 < 85 pada total, TKP dan TIU yang sama.")
        #expect(SkdRankingDetail.outsideCutOff(cutOff, below: cutOff) == nil)
        #expect(SkdRankingDetail.tiedAtCutOff(rank: 246) == "Sama persis dengan peringkat 246 (total, TKP, TIU, TWK).")
    }

    @Test("Scores exactly on the general thresholds pass (≥); one point below is TL with the shortfalls")
    func generalBoundary() {
        let candidates = [
            Fixture.candidate(1, 65, 80, 166), Fixture.candidate(2, 60, 80, 166), Fixture.candidate(3, 65, 75, 165),
        ]
        let rows = SkdRanking.rank(candidates, quota: 1, passingGrade: Fixture.general)
        #expect(Self.summaries(rows) == [
            Summary(1, 1, .passedToSkb, .withinCutOff),
            Summary(2, nil, .belowPassingGrade, .belowPassingGrade, "TWK 60 < 65"),               // 306
            Summary(3, nil, .belowPassingGrade, .belowPassingGrade, "TIU 75 < 80; TKP 165 < 166"), // 305
        ])
    }

    @Test("Special kinds ignore TWK and TKP minima (DOMAIN §2.2)")
    func specialKinds() {
        let cumlaude = [
            Fixture.candidate(1, 40, 125, 150),  // 315: TWK < 65 and TKP < 166, passes
            Fixture.candidate(2, 65, 85, 161),   // 311 and TIU 85: exactly on the grade
            Fixture.candidate(3, 100, 80, 200),  // TIU 80 < 85
            Fixture.candidate(4, 65, 85, 160),   // 310 < 311
        ]
        #expect(Self.summaries(SkdRanking.rank(cumlaude, quota: 1, passingGrade: Fixture.cumlaude)) == [
            Summary(1, 1, .passedToSkb, .withinCutOff),
            Summary(2, 2, .passedToSkb, .withinCutOff),
            Summary(3, nil, .belowPassingGrade, .belowPassingGrade, "TIU 80 < 85"),
            Summary(4, nil, .belowPassingGrade, .belowPassingGrade, "Total 310 < 311"),
        ])
        let disabilitas = [Fixture.candidate(1, 30, 60, 196), Fixture.candidate(2, 50, 55, 175)]
        #expect(Self.summaries(SkdRanking.rank(disabilitas, quota: 1, passingGrade: Fixture.disabilitas)) == [
            Summary(1, 1, .passedToSkb, .withinCutOff),
            Summary(2, nil, .belowPassingGrade, .belowPassingGrade, "TIU 55 < 60; Total 280 < 286"),
        ])
    }

    @Test("Order: ranked, then TL by total, then TH, then DIS, each by participant number; TH and DIS bare")
    func outputOrder() {
        let candidates = [
            Fixture.candidate(9, .disqualified), Fixture.candidate(3, .absent),
            Fixture.candidate(8, 60, 100, 200), Fixture.candidate(7, 60, 100, 170), Fixture.candidate(6, 60, 90, 210),
            Fixture.candidate(2, .disqualified), Fixture.candidate(1, .absent),
            Fixture.candidate(5, 65, 80, 170), Fixture.candidate(4, 65, 80, 170),
        ]
        let rows = SkdRanking.rank(candidates, quota: 1, passingGrade: Fixture.general)
        #expect(Self.summaries(rows) == [
            Summary(4, 1, .passedToSkb, .withinCutOff),
            Summary(5, 1, .passedToSkb, .withinCutOff),
            Summary(6, nil, .belowPassingGrade, .belowPassingGrade, "TWK 60 < 65"),
            Summary(8, nil, .belowPassingGrade, .belowPassingGrade, "TWK 60 < 65"),
            Summary(7, nil, .belowPassingGrade, .belowPassingGrade, "TWK 60 < 65"),
            Summary(1, nil, .absent, .absent), Summary(3, nil, .absent, .absent),
            Summary(2, nil, .disqualified, .disqualified), Summary(9, nil, .disqualified, .disqualified),
        ])
        #expect(rows[0].scores == SkdScores(twk: 65, tiu: 80, tkp: 170, total: 315))
        #expect(rows[2].scores == SkdScores(twk: 60, tiu: 90, tkp: 210, total: 360))
        #expect(rows.suffix(4).allSatisfy { $0.scores == nil && $0.rank == nil && $0.reasonDetail == nil })
        #expect(rows.map(\.applicantId) == rows.map { row in
            candidates.first { $0.applicationId == row.applicationId }?.applicantId
        })
    }

    @Test("Equal participant numbers fall back to the application id")
    func applicationIdTieBreak() {
        let candidates = [
            Fixture.candidate(2, 100, 100, 200), Fixture.candidate(1, 100, 100, 200),
            Fixture.candidate(4, .absent), Fixture.candidate(3, .absent),
        ].map { candidate in
            var candidate = candidate
            candidate.participantNumber = "X"
            return candidate
        }
        let rows = SkdRanking.rank(candidates, quota: 1, passingGrade: Fixture.general)
        #expect(rows.map(\.applicationId) == [1, 2, 3, 4].map(Fixture.uuid))
    }

    @Test("Nobody meets the grade, or nobody applied")
    func degenerate() {
        #expect(SkdRanking.rank([], quota: 1, passingGrade: Fixture.general).isEmpty)
        let rows = SkdRanking.rank(
            [Fixture.candidate(1, 60, 80, 166), Fixture.candidate(2, .absent)], quota: 1, passingGrade: Fixture.general)
        #expect(rows.map(\.code) == [.belowPassingGrade, .absent])
    }

    @Test("The result does not depend on the input order")
    func deterministic() {
        var candidates = (1...40).map { number in
            // Six score tuples, about 7 applicants each: full ties straddle the 9 places.
            Fixture.candidate(number, 65 + 5 * (number % 2), 80 + 5 * (number % 3), 166 + number % 2)
        }
        candidates += [Fixture.candidate(41, .absent), Fixture.candidate(42, .disqualified)]
        let expected = SkdRanking.rank(candidates, quota: 3, passingGrade: Fixture.general)
        #expect(expected.contains { $0.reason == .tiedAtCutOff })
        var generator = SeededGenerator(seed: 2023)
        for _ in 0..<25 {
            candidates.shuffle(using: &generator)
            #expect(SkdRanking.rank(candidates, quota: 3, passingGrade: Fixture.general) == expected)
        }
    }
}
