import Foundation
import RecruitmentEvents
import Testing
@testable import ExamScoringRules

@Suite struct SkbSchemeScoringTests {
    /// CAT 70% scored raw out of 500, work practice 30% scored on 0–100: the catalogue's SKB.
    static func catalogueScheme() throws -> SkbScheme {
        try SkbScheme.validated([
            SkbSchemeComponent(component: .praktikKerja, weightPercent: ExactDecimal(30)),
            SkbSchemeComponent(component: .cat, weightPercent: ExactDecimal(70), rawMaximum: ExactDecimal(500)),
        ], agency: .regional)
    }

    @Test func reproducesTheCatalogueExample() throws {
        let example = SkbResultRecordedV1.example
        let result = try Self.catalogueScheme().score([
            SkbComponentInput(component: .praktikKerja, score: FinalFixtures.decimal("82.00")),
            SkbComponentInput(component: .cat, rawScore: ExactDecimal(380)),
        ], policy: .standard)
        #expect(result.components == example.components)
        #expect(result.score == example.score)
        #expect(result.score.description == "77.80")
        #expect(result.components.map(\.score.description) == ["76.00", "82.00"])
    }

    @Test(arguments: [
        ("380", "500", 2, "76.00"), ("333", "500", 2, "66.60"), ("1", "3", 2, "33.33"), ("2", "3", 2, "66.67"),
        ("0", "500", 2, "0.00"), ("500", "500", 2, "100.00"), ("1", "8", 0, "13"), ("1", "400", 1, "0.3"),
        ("0.5", "3", 2, "16.67"), ("1", "6", 3, "16.667"), ("87.5", "100", 0, "88"),
    ])
    func rawScoresNormaliseHalfUp(raw: String, maximum: String, decimals: Int, expected: String) throws {
        let policy = try IntegrationPolicy(
            skdWeightPercent: ExactDecimal(40), skbWeightPercent: ExactDecimal(60), decimals: decimals)
        let scheme = try SkbScheme.validated([
            SkbSchemeComponent(
                component: .cat, weightPercent: ExactDecimal(100), rawMaximum: FinalFixtures.decimal(maximum)),
        ], agency: .central)
        let result = try scheme.score(
            [SkbComponentInput(component: .cat, rawScore: FinalFixtures.decimal(raw))], policy: policy)
        #expect(result.components.first?.score.description == expected)
        #expect(result.components.first?.rawScore == FinalFixtures.decimal(raw))
        #expect(result.components.first?.rawMaximum == FinalFixtures.decimal(maximum))
        #expect(result.score.description == expected)
    }

    @Test(arguments: [
        ("80.01", "80.00", "80.01"), // 80.005 rounds up
        ("80.01", "79.99", "80.00"),
        ("66.67", "33.33", "50.00"),
        ("0.01", "0.00", "0.01"), // 0.005 rounds up
        ("82", "76.5", "79.25"),
    ])
    func skbRoundsTheWeightedSumHalfUp(cat: String, practice: String, expected: String) throws {
        let scheme = try SkbScheme.validated([
            SkbSchemeComponent(component: .cat, weightPercent: ExactDecimal(50)),
            SkbSchemeComponent(component: .praktikKerja, weightPercent: ExactDecimal(50)),
        ], agency: .central)
        let result = try scheme.score([
            SkbComponentInput(component: .cat, score: FinalFixtures.decimal(cat)),
            SkbComponentInput(component: .praktikKerja, score: FinalFixtures.decimal(practice)),
        ], policy: .standard)
        #expect(result.score.description == expected)
    }

    @Test func scoresGivenOnTheScaleAreWrittenWithThePolicyDecimals() throws {
        let result = try Self.catalogueScheme().score([
            SkbComponentInput(component: .cat, score: ExactDecimal(76)),
            SkbComponentInput(component: .praktikKerja, score: FinalFixtures.decimal("82.0")),
        ], policy: .standard)
        #expect(result.components.map(\.score.description) == ["76.00", "82.00"])
        // A CAT scored on 0–100 carries no raw values even though the scheme has a raw maximum.
        #expect(result.components.first?.rawMaximum == nil)
        #expect(result.components.first?.rawScore == nil)
        #expect(result.score.description == "77.80")
    }

    @Test(arguments: [
        ("unknown and duplicate", [
            SkbComponentInput(component: .cat, rawScore: ExactDecimal(380)),
            SkbComponentInput(component: .praktikKerja, score: ExactDecimal(80)),
            SkbComponentInput(component: .wawancara, score: ExactDecimal(80)),
            SkbComponentInput(component: .cat, rawScore: ExactDecimal(300)),
        ], ["inputs[2].component unknown-component", "inputs[3].component duplicate-component"]),
        ("missing", [
            SkbComponentInput(component: .cat, rawScore: ExactDecimal(380)),
        ], ["inputs missing-component"]),
        ("neither and both", [
            SkbComponentInput(component: .cat),
            SkbComponentInput(component: .praktikKerja, score: ExactDecimal(80), rawScore: ExactDecimal(80)),
        ], ["inputs[0] missing-score", "inputs[1] score-and-raw-score"]),
        ("score out of range", [
            SkbComponentInput(component: .cat, score: FinalFixtures.decimal("100.01")),
            SkbComponentInput(component: .praktikKerja, score: ExactDecimal(-1)),
        ], ["inputs[0].score out-of-range", "inputs[1].score out-of-range"]),
        ("score too precise", [
            SkbComponentInput(component: .cat, score: FinalFixtures.decimal("76.125")),
            SkbComponentInput(component: .praktikKerja, score: FinalFixtures.decimal("82.100")),
        ], ["inputs[0].score too-many-decimals"]),
        ("raw without a maximum", [
            SkbComponentInput(component: .cat, rawScore: ExactDecimal(380)),
            SkbComponentInput(component: .praktikKerja, rawScore: ExactDecimal(82)),
        ], ["inputs[1].rawScore no-raw-maximum"]),
        ("raw out of range", [
            SkbComponentInput(component: .cat, rawScore: FinalFixtures.decimal("500.5")),
            SkbComponentInput(component: .praktikKerja, score: ExactDecimal(80)),
        ], ["inputs[0].rawScore out-of-range"]),
        ("raw negative and too precise", [
            SkbComponentInput(component: .praktikKerja, score: ExactDecimal(80)),
            SkbComponentInput(component: .cat, rawScore: ExactDecimal(-1)),
        ], ["inputs[1].rawScore out-of-range"]),
        ("raw too precise", [
            SkbComponentInput(component: .cat, rawScore: FinalFixtures.decimal("380.0000001")),
            SkbComponentInput(component: .praktikKerja, score: ExactDecimal(80)),
        ], ["inputs[0].rawScore too-many-decimals"]),
    ] as [(String, [SkbComponentInput], [String])])
    func invalidInputsReportEveryIssue(name: String, inputs: [SkbComponentInput], expected: [String]) throws {
        let scheme = try Self.catalogueScheme()
        let error = try #require(throws: ScoreValidationError.self, "\(name)") {
            try scheme.score(inputs, policy: .standard)
        }
        #expect(FinalFixtures.summary(error.issues) == expected, "\(name)")
    }
}
