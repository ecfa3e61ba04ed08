import Foundation
import RecruitmentEvents
import ServiceKit
import Testing
@testable import Registration

/// The registration card's direct writing against the responses' encoder, byte for byte.
@Suite struct RegistrationCardCodingTests {
    static func card(text: String) -> RegistrationCard {
        let submission = ApplicationSubmittedV1.example
        let submittedAt = Date(timeIntervalSince1970: 1_725_987_540.123)
        return RegistrationCard(
            registrationNumber: submission.registrationNumber, applicationId: UUID(), applicantName: text,
            agencyName: "Pemerintah Kota Kupang", periodName: "Seleksi CPNS 2026 / \(text)",
            formation: FormationSummary(FormationPublishedV1.example), education: submission.education,
            submittedAt: submittedAt, submittedAtLocal: "10 September 2024 17:59:00 WITA",
            submittedAtWIB: "10 September 2024 16:59:00 WIB", documents: submission.documents)
    }

    @Test(arguments: ["Maria Goreti Fanggidae", "Ni Luh D'Souza", "Yohanes Ñdun / Émile", "Ana 🎓", ""])
    func writesWhatTheResponseEncoderWrites(_ text: String) throws {
        let card = Self.card(text: text)
        let expected = Array(try JSONResponseCoding.encoder.encode(card))
        #expect(card.plainJSON(escapesSlashes: true) == expected)
        var formation = card
        formation.formation.unitName = text
        formation.formation.placement = "Kecamatan \(text)/Kelapa Lima"
        #expect(formation.plainJSON(escapesSlashes: true) == Array(try JSONResponseCoding.encoder.encode(formation)))
    }

    @Test func aQuoteFallsBackToTheEncoder() {
        #expect(Self.card(text: "say \"hi\"").plainJSON(escapesSlashes: true) == nil)
    }
}
