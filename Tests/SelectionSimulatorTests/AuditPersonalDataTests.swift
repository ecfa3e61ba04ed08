@testable import SelectionSimulator
import Testing

/// The audit's search for planned applicants' personal data in public answers.
@Suite struct AuditPersonalDataTests {
    static let plan = SelectionPlan.make(applicants: 30, seed: 7, runTag: 42,
                                         today: CalendarDay(year: 2026, month: 11, day: 29))
    static let scanner = PersonalDataScanner(plan.applicants.map { ($0.index, $0.identity) })

    static func scan(_ text: String) -> Set<PersonalDataScanner.Finding> {
        scanner.findings(in: Array(text.utf8))
    }

    @Test func aCleanPublicAnswerHasNoFindings() {
        let row = #"{"registrationNumber":"KPG-2026-000123","name":"Maria Ndun Tefa","outcome":"MS","#
            + #""participantNumber":"2645371000012","publishedAt":"2026-11-29T08:00:00Z","leafIndex":1234567890123}"#
        #expect(Self.scan(row).isEmpty)
    }

    @Test func everyKindOfDatumIsFoundAndNamedWithoutItsValue() throws {
        let identity = Self.plan.applicants[5].identity
        let body = #"{"a":"\#(identity.nik)","b":"x\#(identity.kkNumber)y","c":"lahir \#(identity.birthDate.iso)","#
            + #""d":"<\#(identity.email.uppercased())>"}"#
        let found = Self.scan(body)
        #expect(found.contains(.init(applicant: 5, field: "NIK")))
        #expect(found.contains(.init(applicant: 5, field: "KK number")))
        #expect(found.contains(.init(applicant: 5, field: "e-mail address")))
        #expect(found.contains { $0.field == "birth date" && $0.applicant == 5 })
        for finding in found {
            #expect(!finding.description.contains(identity.nik) && !finding.description.contains(identity.birthDate.iso))
        }
    }

    @Test func aNumberInsideALongerRunOfDigitsIsFound() {
        let identity = Self.plan.applicants[9].identity
        #expect(Self.scan("00\(identity.nik)99").contains(.init(applicant: 9, field: "NIK")))
    }

    @Test func partsOfANumberAreNotFindings() {
        let identity = Self.plan.applicants[3].identity
        #expect(Self.scan(String(identity.nik.dropLast())).isEmpty)
        #expect(Self.scan(String(identity.birthDate.iso.dropFirst())).isEmpty)
        #expect(Self.scan("x" + identity.email.dropFirst()).isEmpty)
    }
}
