@testable import SelectionSimulator
import Testing
import TransparencyLog

/// The audit's comparison of a published announcement with what the run expects, and of logged records with what
/// was published.
@Suite struct AuditRowCheckTests {
    static func row(_ position: Int, registration: String?, participant: String? = nil, code: String,
                    field: String = "outcome") -> PublishedRow
    {
        var members: [String: JSONValue] = [field: .string(code), "name": "Nama"]
        if let registration { members["registrationNumber"] = .string(registration) }
        if let participant { members["participantNumber"] = .string(participant) }
        return PublishedRow(position: position, recordId: "r\(position)", leafIndex: 10 + position,
                            row: .object(members))
    }

    static let expected = [
        ExpectedRow(applicant: 0, registrationNumber: "R-0", participantNumber: "P-0", code: "MS"),
        ExpectedRow(applicant: 3, registrationNumber: "R-3", participantNumber: nil, code: "TMS"),
    ]

    @Test func theExpectedRowsInAnyOrderMatch() {
        let published = [Self.row(0, registration: "R-3", code: "TMS"), Self.row(1, registration: "R-0", code: "MS")]
        #expect(AnnouncementRowCheck.differences(published: published, expected: Self.expected, label: "a").isEmpty)
    }

    @Test func rowsWithoutRegistrationNumbersMatchByParticipantNumber() {
        let published = [Self.row(0, registration: nil, participant: "P-0", code: "MS", field: "code"),
                         Self.row(1, registration: "R-3", code: "TMS", field: "code")]
        #expect(AnnouncementRowCheck.differences(published: published, expected: Self.expected, label: "a").isEmpty)
    }

    @Test func missingDuplicatedExtraAndWrongRowsAreEachReported() {
        let published = [Self.row(0, registration: "R-0", code: "TMS"), Self.row(1, registration: "R-0", code: "MS"),
                         Self.row(2, registration: "R-9", code: "MS")]
        let differences = AnnouncementRowCheck.differences(published: published, expected: Self.expected, label: "a")
        #expect(differences.count == 4, "\(differences)")
        #expect(differences.contains { $0.contains("#0") && $0.contains("as TMS, expected MS") })
        #expect(differences.contains { $0.contains("#0") && $0.contains("appears 2 times") })
        #expect(differences.contains { $0.contains("R-9") && $0.contains("not an application") })
        #expect(differences.contains { $0.contains("#3") && $0.contains("missing") })
    }

    @Test func administrativeCodesFollowTheRoundPublished() throws {
        let plan = SelectionPlan.make(applicants: 200, seed: 3, runTag: 1,
                                      today: CalendarDay(year: 2026, month: 11, day: 29))
        let upheld = try #require(plan.applicants.first { $0.verification == .tmsWithObjection(upheld: true) })
        let rejected = try #require(plan.applicants.first { $0.verification == .tmsWithObjection(upheld: false) })
        #expect(AnnouncementRowCheck.administrativeCode(upheld, round: "initial") == "TMS")
        #expect(AnnouncementRowCheck.administrativeCode(upheld, round: nil) == "TMS")
        #expect(AnnouncementRowCheck.administrativeCode(upheld, round: "after-objection") == "MS")
        #expect(AnnouncementRowCheck.administrativeCode(rejected, round: "after-objection") == "TMS")
    }

    @Test func aLoggedRowMustBeThePublishedRowOfThatAnnouncementAndPosition() {
        let published = Self.row(4, registration: "R-0", code: "MS")
        let check = LoggedRecordCheck.row(announcementId: "ABC", row: published)
        let logged: JSONValue = ["type": "announcement-row", "announcementId": "abc", "announcementNumber": "800/1",
                                 "position": 4, "row": published.row]
        #expect(check.difference(logged) == nil)
        guard case .object(var members) = logged else { return }
        members["position"] = 5
        #expect(check.difference(.object(members)) != nil)
        members["position"] = 4
        members["row"] = Self.row(4, registration: "R-0", code: "TMS").row
        #expect(check.difference(.object(members)) != nil)
        members["row"] = published.row
        members["announcementId"] = "other"
        #expect(check.difference(.object(members)) != nil)
        #expect(LoggedRecordCheck.announcement(record: ["type": "announcement"]).difference(["type": "x"]) != nil)
    }

    @Test func lettersAreNumberedPerRunKindAndFormation() {
        let formations = FormationPlan.kupang(applicants: 100)
        let admin = AnnouncementLetter(kind: "administrative-results", formation: formations[0], formationIndex: 0,
                                       runTag: 421, year: 2026)
        let skd = AnnouncementLetter(kind: "skd-results", formation: formations[2], formationIndex: 2, runTag: 421,
                                     year: 2026)
        #expect(admin.number == "800/0421-101/BKPSDM/2026")
        #expect(skd.number == "800/0421-303/BKPSDM/2026")
        #expect(admin.title.hasPrefix("Pengumuman Hasil Seleksi Administrasi"))
        #expect(skd.title.contains("Lulusan Cumlaude"))
        #expect(admin.title.count <= 300 && !admin.title.contains("\n"))
    }

    @Test func findingsAreListedUpToALimit() {
        let listing = AuditFindings.listing((1...12).map { "d\($0)" }, limit: 10)
        #expect(listing.hasPrefix("12 differences: d1; d2"))
        #expect(listing.hasSuffix("d10 (and 2 more)"))
    }
}
