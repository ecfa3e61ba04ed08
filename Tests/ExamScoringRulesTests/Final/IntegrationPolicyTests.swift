import Foundation
import RecruitmentEvents
import Testing
@testable import ExamScoringRules

@Suite struct IntegrationPolicyTests {
    @Test(arguments: [
        (442, "80.36"), (550, "100.00"), (0, "0.00"), (311, "56.55"), (423, "76.91"), (398, "72.36"), (1, "0.18"),
    ])
    func skdScore100RoundsHalfUpToTwoDecimals(total: Int, expected: String) {
        #expect(IntegrationPolicy.standard.skdScore100(total: total).description == expected)
    }

    @Test(arguments: [(0, "80"), (1, "80.4"), (3, "80.364"), (6, "80.363636")])
    func skdScore100UsesTheConfiguredDecimals(decimals: Int, expected: String) throws {
        let policy = try IntegrationPolicy(
            skdWeightPercent: ExactDecimal(40), skbWeightPercent: ExactDecimal(60), decimals: decimals)
        #expect(policy.skdScore100(total: 442).description == expected)
    }

    @Test func integratedReproducesTheCatalogueExample() throws {
        let example = FinalResultsComputedV1.example
        let policy = IntegrationPolicy.standard
        #expect(policy.skdWeightPercent == example.skdWeightPercent)
        #expect(policy.skbWeightPercent == example.skbWeightPercent)
        let scored = example.rows.filter { $0.integratedScore != nil }
        #expect(scored.count == 3)
        for row in scored {
            let skd = try #require(row.skdScores)
            let skd100 = policy.skdScore100(total: skd.total)
            #expect(skd100 == row.skdScore100)
            let skb100 = try #require(row.skbScore100)
            #expect(policy.integrated(skd100: skd100, skb100: skb100) == row.integratedScore)
        }
        let integrated = policy.integrated(
            skd100: FinalFixtures.decimal("80.36"), skb100: FinalFixtures.decimal("77.80"))
        #expect(integrated.description == "78.824")
    }

    @Test(arguments: [
        ("80.00", "80.00", "80.00"), ("80.36", "77.80", "78.824"), ("100.00", "100.00", "100.00"),
        ("0.01", "0.00", "0.004"), ("56.55", "33.33", "42.618"),
    ])
    func integratedIsExactWithAtLeastTheConfiguredDecimals(skd: String, skb: String, expected: String) {
        let policy = IntegrationPolicy.standard
        let value = policy.integrated(skd100: FinalFixtures.decimal(skd), skb100: FinalFixtures.decimal(skb))
        #expect(value.description == expected)
    }

    @Test func configuredWeightsChangeTheIntegration() throws {
        let policy = try IntegrationPolicy(
            skdWeightPercent: FinalFixtures.decimal("50.5"), skbWeightPercent: FinalFixtures.decimal("49.5"),
            decimals: 2)
        // (50.5 × 80.36 + 49.5 × 77.80) / 100 = 40.5818 + 38.511 = 79.0928
        let value = policy.integrated(skd100: FinalFixtures.decimal("80.36"), skb100: FinalFixtures.decimal("77.80"))
        #expect(value.description == "79.0928")
    }

    @Test(arguments: [
        ("40", "59.99", 2, ["weights weights-do-not-sum-to-100"]),
        ("40.01", "60", 2, ["weights weights-do-not-sum-to-100"]),
        ("-1", "101", 2, ["skdWeightPercent out-of-range", "skbWeightPercent out-of-range"]),
        ("40.001", "59.999", 2, ["skdWeightPercent too-many-decimals", "skbWeightPercent too-many-decimals"]),
        ("40", "60", 7, ["decimals out-of-range"]),
        ("40", "60", -1, ["decimals out-of-range"]),
    ])
    func invalidPoliciesReportEveryIssue(skd: String, skb: String, decimals: Int, expected: [String]) {
        #expect {
            _ = try IntegrationPolicy(
                skdWeightPercent: FinalFixtures.decimal(skd), skbWeightPercent: FinalFixtures.decimal(skb),
                decimals: decimals)
        } throws: { error in
            (error as? ScoreValidationError).map { FinalFixtures.summary($0.issues) } == expected
        }
    }

    @Test func theSumMessageNamesTheActualSum() {
        #expect {
            _ = try IntegrationPolicy(
                skdWeightPercent: ExactDecimal(40), skbWeightPercent: FinalFixtures.decimal("59.99"), decimals: 2)
        } throws: { error in
            (error as? ScoreValidationError)?.issues.first?.message.contains("99.99") == true
        }
    }

    @Test(arguments: [("0", "100", 0), ("100", "0", 6), ("40.50", "59.5", 3)])
    func validPoliciesAreAccepted(skd: String, skb: String, decimals: Int) throws {
        let policy = try IntegrationPolicy(
            skdWeightPercent: FinalFixtures.decimal(skd), skbWeightPercent: FinalFixtures.decimal(skb),
            decimals: decimals)
        #expect(policy.decimals == decimals)
        #expect(policy.skdWeightPercent == FinalFixtures.decimal(skd))
    }

    @Test func theDefaultIsFortySixtyTwoDecimals() {
        let policy = IntegrationPolicy()
        #expect(policy.skdWeightPercent == ExactDecimal(40))
        #expect(policy.skbWeightPercent == ExactDecimal(60))
        #expect(policy.decimals == 2)
        #expect(policy == IntegrationPolicy.standard)
    }
}

@Suite struct FinalDecimalMathTests {
    @Test(arguments: [
        (5, 10, 1), (15, 10, 2), (25, 10, 3), (14, 10, 1), (16, 10, 2), (-5, 10, -1), (-14, 10, -1), (0, 7, 0),
        (1, 3, 0), (2, 3, 1),
    ] as [(Int, Int, Int)])
    func quotientsRoundHalfAwayFromZero(numerator: Int, denominator: Int, expected: Int) {
        #expect(FinalDecimalMath.roundedQuotient(Int128(numerator), over: Int128(denominator)) == Int128(expected))
    }

    @Test(arguments: [
        ("3.00", "4.00", "75", "100", ComparisonResult.orderedSame),
        ("3.62", "4.00", "90", "100", .orderedDescending),
        ("3.50", "4", "90.0", "100", .orderedAscending),
        ("0", "4", "0.000001", "100", .orderedAscending),
        ("8.5", "10", "3.4", "4", .orderedSame),
    ])
    func fractionsCompareExactly(lhs: String, lhsMaximum: String, rhs: String, rhsMaximum: String,
                                 expected: ComparisonResult) {
        let result = FinalDecimalMath.compareFractions(
            FinalFixtures.decimal(lhs), over: FinalFixtures.decimal(lhsMaximum),
            FinalFixtures.decimal(rhs), over: FinalFixtures.decimal(rhsMaximum))
        #expect(result == expected)
    }

    @Test(arguments: [("80.360", 2), ("100.00", 0), ("0.5", 1), ("7", 0), ("0.000", 0)])
    func decimalPlacesIgnoreTrailingZeros(text: String, expected: Int) {
        #expect(FinalDecimalMath.decimalPlaces(FinalFixtures.decimal(text)) == expected)
    }
}
