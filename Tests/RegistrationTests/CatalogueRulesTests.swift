import Foundation
import RecruitmentEvents
import Testing
@testable import Registration

@Suite struct CatalogueRulesTests {
    static func period(opens: String = "2024-08-19T17:00:00Z", closes: String = "2024-09-06T17:00:00Z",
                       timeZone: String = "Asia/Makassar") -> SelectionPeriodRequest
    {
        SelectionPeriodRequest(
            agencyName: "Pemerintah Kota Kupang", agencyCode: "KPG", name: "Seleksi CPNS 2024", program: .cpns,
            fiscalYear: 2024, timeZone: timeZone,
            registrationOpensAt: ISO8601DateFormatter().date(from: opens)!,
            registrationClosesAt: ISO8601DateFormatter().date(from: closes)!,
            requiredDocuments: nil, legalBasis: nil)
    }

    @Test func periodDefaultsToTheNationalDocumentList() throws {
        let event = try SelectionPeriodRules.validate(Self.period(), periodId: UUID()).get()
        #expect(event.requiredDocuments.map(\.code) == ["pas-foto", "swafoto", "ktp", "surat-lamaran", "ijazah", "transkrip-nilai"])
        #expect(event.requiredDocuments.first { $0.code == "ijazah" }?.maximumSizeBytes == 800 * 1024)
    }

    @Test func periodRejectsUnknownZonesAndInvertedWindows() {
        guard case .failure(let error) = SelectionPeriodRules.validate(
            Self.period(opens: "2024-09-06T17:00:00Z", closes: "2024-08-19T17:00:00Z", timeZone: "WITA"),
            periodId: UUID())
        else {
            Issue.record("expected a failure")
            return
        }
        #expect(Set(error.issues.map(\.field)) == ["timeZone", "registrationClosesAt"])
    }

    @Test func formationDefaultsAndChecks() throws {
        let request = FormationRequest(
            positionName: "Pranata Komputer Ahli Pertama", unitName: "Diskominfo", placement: "Kota Kupang",
            kind: .umum, quota: 2, educationRequirements: [EducationRequirement(level: .s1, majors: [])],
            ageLimit: nil, skbComponents: nil, eliminationCriteria: nil, salaryRange: nil)
        let event = try FormationRules.validate(request, formationId: UUID(), periodId: UUID()).get()
        #expect(event.ageLimit == AgeLimit(minimumYears: 18, maximumYears: 35))

        var bad = request
        bad.quota = 0
        bad.educationRequirements = []
        bad.ageLimit = AgeLimit(minimumYears: 40, maximumYears: 30)
        guard case .failure(let error) = FormationRules.validate(bad, formationId: UUID(), periodId: UUID()) else {
            Issue.record("expected a failure")
            return
        }
        #expect(Set(error.issues.map(\.field)) == ["quota", "educationRequirements", "ageLimit"])
    }
}
