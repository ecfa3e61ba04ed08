import Foundation
import RecruitmentEvents
import Testing
@testable import ExamScoringRules

/// One row of the scheme validation table.
struct SkbSchemeCase: Sendable, CustomTestStringConvertible {
    var name: String
    var agency: AgencyLevel
    var components: [(SkbComponent, String)]
    var rawMaximum: String?
    /// `field code` of every expected issue; empty = valid.
    var expected: [String]

    var testDescription: String { name }

    var schemeComponents: [SkbSchemeComponent] {
        components.enumerated().map { index, entry in
            SkbSchemeComponent(
                component: entry.0, weightPercent: FinalFixtures.decimal(entry.1),
                rawMaximum: index == 0 ? rawMaximum.map(FinalFixtures.decimal) : nil)
        }
    }
}

@Suite struct SkbSchemeValidationTests {
    static let cases: [SkbSchemeCase] = [
        SkbSchemeCase(
            name: "central at every limit", agency: .central,
            components: [(.cat, "50"), (.wawancara, "30"), (.sertifikatKompetensi, "20")], expected: []),
        SkbSchemeCase(
            name: "central CAT alone", agency: .central, components: [(.cat, "100")], expected: []),
        SkbSchemeCase(
            name: "central CAT 49.99", agency: .central,
            components: [(.cat, "49.99"), (.psikotes, "50.01")],
            expected: ["components[0].weightPercent below-minimum-weight"]),
        SkbSchemeCase(
            name: "central interview 30.01", agency: .central,
            components: [(.cat, "69.99"), (.wawancara, "30.01")],
            expected: ["components[1].weightPercent above-maximum-weight"]),
        SkbSchemeCase(
            name: "central certificate 21", agency: .central,
            components: [(.cat, "79"), (.sertifikatKompetensi, "21")],
            expected: ["components[1].weightPercent above-maximum-weight"]),
        SkbSchemeCase(
            name: "central many extras", agency: .central,
            components: [(.cat, "50"), (.psikotes, "10"), (.tesBahasa, "10"), (.praktikKerja, "10"),
                         (.wawancara, "20")],
            expected: []),
        SkbSchemeCase(
            name: "regional at the limit", agency: .regional, components: [(.cat, "60"), (.praktikKerja, "40")],
            expected: []),
        SkbSchemeCase(
            name: "regional CAT 59", agency: .regional, components: [(.cat, "59"), (.praktikKerja, "41")],
            expected: ["components[0].weightPercent below-minimum-weight"]),
        SkbSchemeCase(
            name: "regional interview", agency: .regional, components: [(.cat, "70"), (.wawancara, "30")],
            expected: ["components[1].component component-not-allowed"]),
        SkbSchemeCase(
            name: "regional two extras", agency: .regional,
            components: [(.cat, "60"), (.praktikKerja, "20"), (.psikotes, "20")],
            expected: ["components[2].component too-many-extra-components"]),
        SkbSchemeCase(
            name: "sum 99.99", agency: .central, components: [(.cat, "69.99"), (.praktikKerja, "30")],
            expected: ["components weights-do-not-sum-to-100"]),
        SkbSchemeCase(
            name: "sum 100.01", agency: .central, components: [(.cat, "70.01"), (.praktikKerja, "30")],
            expected: ["components weights-do-not-sum-to-100"]),
        SkbSchemeCase(
            name: "duplicate", agency: .central,
            components: [(.cat, "50"), (.praktikKerja, "25"), (.praktikKerja, "25")],
            expected: ["components[2].component duplicate-component"]),
        SkbSchemeCase(
            name: "duplicate CAT", agency: .central, components: [(.cat, "50"), (.cat, "50")],
            expected: ["components[1].component duplicate-component"]),
        SkbSchemeCase(
            name: "missing CAT", agency: .central, components: [(.praktikKerja, "100")],
            expected: ["components missing-cat"]),
        SkbSchemeCase(name: "empty", agency: .regional, components: [], expected: ["components no-components"]),
        SkbSchemeCase(
            name: "zero and over-precise weights skip the sum", agency: .central,
            components: [(.cat, "99.999"), (.praktikKerja, "0")],
            expected: ["components[0].weightPercent too-many-decimals", "components[1].weightPercent out-of-range"]),
        SkbSchemeCase(
            name: "weight over 100", agency: .central, components: [(.cat, "101")],
            expected: ["components[0].weightPercent out-of-range"]),
        SkbSchemeCase(
            name: "raw maximum zero", agency: .central, components: [(.cat, "100")], rawMaximum: "0",
            expected: ["components[0].rawMaximum out-of-range"]),
        SkbSchemeCase(
            name: "raw maximum too precise", agency: .central, components: [(.cat, "100")], rawMaximum: "1.0000001",
            expected: ["components[0].rawMaximum too-many-decimals"]),
        SkbSchemeCase(
            name: "everything wrong at once", agency: .regional,
            components: [(.wawancara, "20"), (.praktikKerja, "20"), (.psikotes, "20")],
            expected: [
                "components[0].component component-not-allowed", "components[2].component too-many-extra-components",
                "components missing-cat", "components weights-do-not-sum-to-100",
            ]),
    ]

    @Test(arguments: cases)
    func schemesFollowDomainSection1_7(_ testCase: SkbSchemeCase) {
        do {
            let scheme = try SkbScheme.validated(testCase.schemeComponents, agency: testCase.agency)
            #expect(testCase.expected.isEmpty, "accepted, expected \(testCase.expected)")
            #expect(scheme.components.count == testCase.components.count)
            #expect(scheme.agency == testCase.agency)
        } catch {
            #expect(FinalFixtures.summary(error.issues) == testCase.expected)
        }
    }

    @Test(arguments: [("69.99", "99.99"), ("70.01", "100.01"), ("10", "40")])
    func theSumIssueNamesTheActualSum(catWeight: String, sum: String) throws {
        let components = [
            SkbSchemeComponent(component: .cat, weightPercent: FinalFixtures.decimal(catWeight)),
            SkbSchemeComponent(component: .praktikKerja, weightPercent: ExactDecimal(30)),
        ]
        let error = try #require(throws: ScoreValidationError.self) {
            try SkbScheme.validated(components, agency: .central)
        }
        let issue = try #require(error.issues.last)
        #expect(issue.code == "weights-do-not-sum-to-100")
        #expect(issue.message == "the component weights sum to \(sum), not 100")
    }

    @Test func catComesFirstThenTheAnnouncedOrder() throws {
        let scheme = try SkbScheme.validated([
            SkbSchemeComponent(component: .wawancara, weightPercent: ExactDecimal(20)),
            SkbSchemeComponent(component: .cat, weightPercent: ExactDecimal(60)),
            SkbSchemeComponent(component: .psikotes, weightPercent: ExactDecimal(20)),
        ], agency: .central)
        #expect(scheme.components.map(\.component) == [.cat, .wawancara, .psikotes])
        #expect(scheme.weights.map(\.weightPercent) == [ExactDecimal(60), ExactDecimal(20), ExactDecimal(20)])
        #expect(scheme.component(.psikotes)?.weightPercent == ExactDecimal(20))
        #expect(scheme.component(.tesBahasa) == nil)
    }

    @Test func codingRoundTripsAndDecodingValidates() throws {
        let scheme = try SkbScheme.validated([
            SkbSchemeComponent(component: .cat, weightPercent: ExactDecimal(70), rawMaximum: ExactDecimal(500)),
            SkbSchemeComponent(component: .praktikKerja, weightPercent: ExactDecimal(30)),
        ], agency: .regional)
        let data = try JSONEncoder().encode(scheme)
        #expect(try JSONDecoder().decode(SkbScheme.self, from: data) == scheme)

        let invalid = Data("""
            {"agency":"regional","components":[{"component":"cat","weightPercent":"70"},
            {"component":"wawancara","weightPercent":"30"}]}
            """.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SkbScheme.self, from: invalid) }
    }

    @Test(arguments: AgencyLevel.allCases)
    func agencyLimitsMatchDomain(_ agency: AgencyLevel) {
        switch agency {
        case .central:
            #expect(agency.minimumCatWeightPercent == ExactDecimal(50))
            #expect(agency.maximumExtraComponents == nil)
            #expect(agency.allows(.wawancara))
            #expect(agency.maximumWeightPercent(of: .wawancara) == ExactDecimal(30))
            #expect(agency.maximumWeightPercent(of: .sertifikatKompetensi) == ExactDecimal(20))
        case .regional:
            #expect(agency.minimumCatWeightPercent == ExactDecimal(60))
            #expect(agency.maximumExtraComponents == 1)
            #expect(!agency.allows(.wawancara))
            #expect(agency.maximumWeightPercent(of: .sertifikatKompetensi) == nil)
        }
    }
}
