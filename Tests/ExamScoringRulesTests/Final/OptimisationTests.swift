import Foundation
import RecruitmentEvents
import Testing
@testable import ExamScoringRules

@Suite struct OptimisationTests {
    typealias F = FinalFixtures

    static let informatics = [
        EducationRequirement(level: .s1, majors: ["Informatika", "Sistem Informasi"]),
        EducationRequirement(level: .d3, majors: ["Teknik Komputer"]),
    ]
    /// The same set as ``informatics``, listed in another order.
    static let informaticsReordered = [
        EducationRequirement(level: .d3, majors: ["Teknik Komputer"]),
        EducationRequirement(level: .s1, majors: ["Sistem Informasi", "Informatika"]),
    ]
    static let informaticsOnly = [EducationRequirement(level: .s1, majors: ["Informatika"])]

    /// A formation numbered `number` (id `uuid(number)`), ranked from candidates with the given SKB scores.
    static func formation(
        _ number: Int, position: String = "Pranata Komputer Ahli Pertama", unit: String = "Dinas Kominfo",
        placement: String = "Kota Kupang", kind: FormationKind = .umum, quota: Int,
        education: [EducationRequirement] = informatics, skb: [(candidate: Int, score: String)] = []
    ) throws -> FormationOutcome {
        let candidates = skb.map { F.candidate($0.candidate, skb: F.scored($0.score)) }
        return FormationOutcome(
            formationId: F.uuid(number), positionName: position, unitName: unit, placement: placement, kind: kind,
            quota: quota, educationRequirements: education,
            rows: try FinalRanking.rank(candidates, quota: quota, policy: .standard, ageOrder: [:]))
    }

    /// The general formation of the BKN example: quota 3, six ranked applicants.
    static func bknGeneral() throws -> FormationOutcome {
        try formation(100, quota: 3, skb: [(1, "90"), (2, "85"), (3, "80"), (4, "75"), (5, "70"), (6, "65")])
    }

    static func codes(_ formation: FormationOutcome?) -> [FinalResultCode] {
        formation?.rows.map(\.code) ?? []
    }

    static func placed(_ formation: FormationOutcome?) -> [UUID?] {
        formation?.rows.map(\.placedFormationId) ?? []
    }

    @Test func bknExampleTwoEmptySpecialPostsGoToRanksFourAndFive() throws {
        let special = try Self.formation(101, kind: .cumlaude, quota: 2)
        let result = Optimisation.fill([try Self.bknGeneral(), special])
        #expect(Self.codes(result.first) == [
            .passed, .passed, .passed, .passedAfterKindMove, .passedAfterKindMove, .notWithinQuota,
        ])
        #expect(Self.placed(result.first) == [nil, nil, nil, F.uuid(101), F.uuid(101), nil])
        #expect(result.first?.rows.map(\.rank) == [1, 2, 3, 4, 5, 6])
        #expect(result.last == special)
    }

    @Test func emptyPostsOfSeveralSpecialKindsAreFilledInProcessingOrder() throws {
        let result = Optimisation.fill([
            try Self.formation(102, kind: .disabilitas, quota: 2, education: Self.informaticsReordered,
                               skb: [(11, "50")]),
            try Self.formation(101, kind: .cumlaude, quota: 1),
            try Self.bknGeneral(),
        ])
        let general = result.last
        #expect(Self.codes(general) == [
            .passed, .passed, .passed, .passedAfterKindMove, .passedAfterKindMove, .notWithinQuota,
        ])
        // cumlaude sorts before disabilitas; the disabilitas formation already holds one of its two posts.
        #expect(Self.placed(general) == [nil, nil, nil, F.uuid(101), F.uuid(102), nil])
        #expect(Self.codes(result.first) == [.passed])
    }

    @Test func aTiedGroupMovesTogetherOrNotAtAll() throws {
        let general = try Self.formation(100, quota: 1, skb: [(1, "90"), (2, "80"), (3, "80"), (4, "70")])
        #expect(general.rows.map(\.rank) == [1, 2, 2, 4])

        let oneEmpty = Optimisation.fill([general, try Self.formation(101, kind: .cumlaude, quota: 1)])
        #expect(Self.codes(oneEmpty.first) == [.passed, .notWithinQuota, .notWithinQuota, .notWithinQuota])

        let twoEmpty = Optimisation.fill([general, try Self.formation(101, kind: .cumlaude, quota: 2)])
        #expect(Self.codes(twoEmpty.first) == [
            .passed, .passedAfterKindMove, .passedAfterKindMove, .notWithinQuota,
        ])
    }

    @Test func aKindMoveNeedsTheSameEducationAndLocation() throws {
        let otherEducation = Optimisation.fill([
            try Self.bknGeneral(), try Self.formation(101, kind: .cumlaude, quota: 1, education: Self.informaticsOnly),
        ])
        #expect(Self.codes(otherEducation.first) == [.passed, .passed, .passed] + Array(repeating: .notWithinQuota,
                                                                                      count: 3))
        // Another placement is no kind move, but the location step fills it.
        let otherPlacement = Optimisation.fill([
            try Self.bknGeneral(), try Self.formation(101, placement: "Kabupaten Kupang", kind: .cumlaude, quota: 1),
        ])
        #expect(Self.codes(otherPlacement.first) == [
            .passed, .passed, .passed, .passedAfterLocationMove, .notWithinQuota, .notWithinQuota,
        ])
        #expect(Self.placed(otherPlacement.first)[3] == F.uuid(101))
    }

    /// A P/L-2 case: posts left empty at other placements and units of the same post and education.
    static func locationScenario() throws -> [FormationOutcome] {
        [
            try formation(200, quota: 1, skb: [(21, "90"), (22, "85"), (23, "70"), (24, "60")]),
            try formation(201, placement: "Kabupaten Kupang", quota: 2, skb: [(31, "80")]),
            try formation(202, unit: "Dinas Kesehatan", quota: 1),
            try formation(203, position: "Analis Kebijakan", quota: 1, skb: [(41, "99"), (42, "95")]),
            try formation(204, placement: "Kota Atambua", quota: 1, education: informaticsOnly),
        ]
    }

    @Test func locationMovesFillOtherPlacementsAndUnitsWithTheBestRemaining() throws {
        let result = Optimisation.fill(try Self.locationScenario())
        #expect(result.map(\.formationId) == [200, 201, 202, 203, 204].map(F.uuid))
        #expect(Self.codes(result[0]) == [
            .passed, .passedAfterLocationMove, .passedAfterLocationMove, .notWithinQuota,
        ])
        // Kabupaten Kupang sorts before Kota Kupang, so it takes the better applicant.
        #expect(Self.placed(result[0]) == [nil, F.uuid(201), F.uuid(202), nil])
        #expect(Self.codes(result[1]) == [.passed])
        #expect(Self.codes(result[3]) == [.passed, .notWithinQuota]) // another post
        #expect(result[4].rows.isEmpty) // another education: stays empty
    }

    @Test func theBestAcrossFormationsIsByIntegratedScoreThenSkd() throws {
        // Both 74.000: 440 with SKB 70.00 beats 407 with SKB 74.00 on the SKD total, although its number is higher.
        let first = FormationOutcome(
            formationId: F.uuid(300), positionName: "Guru", unitName: "SMA 1", placement: "Kupang", kind: .umum,
            quota: 1, educationRequirements: Self.informatics,
            rows: try FinalRanking.rank([
                F.candidate(61, skb: F.scored("99")),
                F.candidate(62, twk: 90, tiu: 130, tkp: 187, skb: F.scored("74.00")),
            ], quota: 1, policy: .standard, ageOrder: [:]))
        let second = FormationOutcome(
            formationId: F.uuid(301), positionName: "Guru", unitName: "SMA 2", placement: "Soe", kind: .umum,
            quota: 1, educationRequirements: Self.informatics,
            rows: try FinalRanking.rank([
                F.candidate(71, skb: F.scored("99")),
                F.candidate(72, skb: F.scored("70.00")),
            ], quota: 1, policy: .standard, ageOrder: [:]))
        let target = FormationOutcome(
            formationId: F.uuid(302), positionName: "Guru", unitName: "SMA 3", placement: "Alor", kind: .umum,
            quota: 1, educationRequirements: Self.informatics, rows: [])
        #expect(first.rows[1].integratedScore == second.rows[1].integratedScore)
        let result = Optimisation.fill([first, second, target])
        #expect(Self.codes(result[0]) == [.passed, .notWithinQuota])
        #expect(Self.codes(result[1]) == [.passed, .passedAfterLocationMove])
        #expect(result[1].rows[1].placedFormationId == F.uuid(302))
    }

    @Test func anApplicantMovesAtMostOnce() throws {
        let result = Optimisation.fill([
            try Self.formation(400, quota: 1, skb: [(51, "90"), (52, "80")]),
            try Self.formation(401, kind: .cumlaude, quota: 1),
            try Self.formation(402, placement: "Kabupaten Soe", quota: 1),
        ])
        #expect(Self.codes(result[0]) == [.passed, .passedAfterKindMove])
        #expect(Self.placed(result[0]) == [nil, F.uuid(401)])
        let placements = result.flatMap { formation in
            formation.rows.filter { $0.code != .notWithinQuota }.map { $0.placedFormationId ?? formation.formationId }
        }
        #expect(!placements.contains(F.uuid(402)))
    }

    @Test func fillingIsIdempotentAndKeepsRowsInPlace() throws {
        let scenario = try Self.locationScenario() + [try Self.formation(205, kind: .cumlaude, quota: 1)]
        let once = Optimisation.fill(scenario)
        #expect(Optimisation.fill(once) == once)
        for (before, after) in zip(scenario, once) {
            #expect(before.rows.map(\.applicationId) == after.rows.map(\.applicationId))
            #expect(before.rows.map(\.rank) == after.rows.map(\.rank))
        }
    }

    @Test func reproducesTheCatalogueFinalResults() throws {
        let example = FinalResultsComputedV1.example
        let cumlaudeId = try #require(example.rows[1].placedFormationId)
        let general = FormationOutcome(
            formationId: example.formationId, positionName: "Pranata Komputer Ahli Pertama", unitName: "Dinas Kominfo",
            placement: "Kota Kupang", kind: example.formationKind, quota: example.quota,
            educationRequirements: Self.informatics,
            rows: try FinalRanking.rank(
                FinalRankingTests.exampleCandidates(), quota: example.quota, policy: .standard, ageOrder: [:]))
        let cumlaude = FormationOutcome(
            formationId: cumlaudeId, positionName: "Pranata Komputer Ahli Pertama", unitName: "Dinas Kominfo",
            placement: "Kota Kupang", kind: .cumlaude, quota: 1, educationRequirements: Self.informaticsReordered,
            rows: [])
        let result = Optimisation.fill([general, cumlaude])
        #expect(result.first?.rows == example.rows)
    }
}
