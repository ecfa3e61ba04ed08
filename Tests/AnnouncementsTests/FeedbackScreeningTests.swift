import Foundation
import RecruitmentEvents
import ServiceKit
import Testing
@testable import Announcements

/// The screening of public free text (pure): sanitizing and finding personal data, with the near misses that must
/// pass (dates, times, participant numbers, scores, announcement numbers).
@Suite struct FeedbackScreeningTests {
    @Test(arguments: [
        ("NIK 5371014507950001 saya belum terverifikasi", PersonalDataKind.identityNumber),
        ("KK: 5371-0145-0795-0001", .identityNumber),
        ("nomor 53.71.01.450795.0001", .identityNumber),
        ("53 71 01 45 07 95 00 01", .identityNumber),
        ("NIK\u{200B}5371\u{200B}0145\u{200B}0795\u{200B}0001", .identityNumber),  // caught after sanitizing
        ("hubungi saya di maria.fanggidae@example.com", .email),
        ("surel: budi_santoso+cpns@mail.co.id.", .email),
        ("WA 081234567890 ya", .phoneNumber),
        ("telp +62 812-3456-7890", .phoneNumber),
        ("62 812 3456 7890", .phoneNumber),
        ("kantor (0380) 821 234", .phoneNumber),
        ("+44 20 7946 0958", .phoneNumber),
    ])
    func findsPersonalData(text: String, kind: PersonalDataKind) {
        let screened = FeedbackScreening.sanitized(text, keepLineBreaks: true)
        #expect(FeedbackScreening.personalData(in: screened) == [kind], "\(text)")
    }

    @Test(arguments: [
        "Skor langsung tertinggal sepuluh menit dari layar di lokasi tes.",
        "Sesi 2 pukul 08.00-09.40 WITA tanggal 2024-10-21 di Politeknik Negeri Kupang",
        "Nomor peserta 2400000412 tidak muncul di pengumuman 800/415/BKPSDM/IX/2024",
        "Nilai TWK 65, TIU 80, TKP 166; total 311 dari 550",
        "Skor 442 = 80.36 pada skala 0-100, kuota 3 formasi",
        "Biaya Rp 1.500.000 untuk legalisir?",
        "tulis @bkn di media sosial, atau lihat bkn.go.id",
        "jam 14.30 - 16.00 dan 16.30 - 18.00",
    ])
    func letsOrdinaryTextPass(text: String) {
        #expect(FeedbackScreening.personalData(in: text).isEmpty, "\(text)")
    }

    @Test func findsEveryKindOnceInAStableOrder() {
        let text = "08123456789 / a@b.id / 5371014507950001 / 5371014507950002"
        #expect(FeedbackScreening.personalData(in: text) == [.identityNumber, .email, .phoneNumber])
    }

    @Test func sanitizingRemovesControlAndInvisibleCharactersAndKeepsLineBreaks() {
        let raw = "  \u{7}Halo\u{0}\r\nbaris\tdua\u{202E}\u{200B}\u{FEFF}\rtiga\u{2028}empat \n\n  "
        #expect(FeedbackScreening.sanitized(raw, keepLineBreaks: true) == "Halo\nbaris dua\ntiga\nempat")
        #expect(FeedbackScreening.sanitized(raw, keepLineBreaks: false) == "Halo baris dua tiga empat")
        #expect(FeedbackScreening.sanitized("Selamat pagi 👋🏽 Kupang", keepLineBreaks: true) == "Selamat pagi 👋🏽 Kupang")
    }

    @Test func officerTextsRefuseOnlyIdentityNumbers() throws {
        #expect(try FeedbackOfficerText.answer("Hubungi helpdesk 081234567890 atau helpdesk@bkn.go.id.")
            == "Hubungi helpdesk 081234567890 atau helpdesk@bkn.go.id.")
        #expect(throws: FeedbackProblem.personalData(["answer": [.identityNumber]])) {
            try FeedbackOfficerText.answer("NIK 5371014507950001 sudah diperbaiki.")
        }
        #expect(throws: Problem.self) { try FeedbackOfficerText.publicReason(nil, decision: .rejected) }
        #expect(try FeedbackOfficerText.publicReason("  ", decision: .published) == nil)
        #expect(throws: Problem.self) { try FeedbackOfficerText.answer("ok") }
    }

    // MARK: Submissions

    static func request(_ message: String, reference: String? = nil) -> SubmitFeedbackRequest {
        SubmitFeedbackRequest(category: .exam, periodId: nil, reference: reference, message: message)
    }

    static func fields(_ body: () throws -> Void) -> (status: Int, type: String, fields: [String])? {
        do {
            try body()
            return nil
        } catch let problem as Problem {
            return (problem.statusCode, problem.type, problem.errors?.map(\.field) ?? [])
        } catch let convertible as any ProblemConvertible {
            let problem = convertible.problem
            return (problem.statusCode, problem.type, problem.errors?.map(\.field) ?? [])
        } catch {
            return (0, "\(error)", [])
        }
    }

    @Test func submissionLimitsCountCharactersAfterTrimming() throws {
        #expect(try FeedbackSubmission.validate(Self.request("  \u{1}Cukup oke!  \n")).message == "Cukup oke!")
        let nine = Self.fields { _ = try FeedbackSubmission.validate(Self.request("  123456789  ")) }
        #expect(nine?.status == 422 && nine?.fields == ["message"])
        let longest = String(repeating: "é", count: 2000)
        #expect(try FeedbackSubmission.validate(Self.request(longest)).message.count == 2000)
        let tooLong = Self.fields { _ = try FeedbackSubmission.validate(Self.request(longest + "x")) }
        #expect(tooLong?.status == 422 && tooLong?.fields == ["message"])
        let reference = Self.fields {
            _ = try FeedbackSubmission.validate(Self.request("Pesan yang cukup panjang.",
                                                             reference: String(repeating: "r", count: 201)))
        }
        #expect(reference?.fields == ["reference"])
        #expect(try FeedbackSubmission.validate(Self.request("Pesan yang cukup panjang.", reference: " \t ")).reference
            == nil)
    }

    @Test func submissionWithPersonalDataNamesTheFieldsButNotTheData() throws {
        let refused = Self.fields {
            _ = try FeedbackSubmission.validate(Self.request(
                "Mohon dicek, NIK saya 5371014507950001.", reference: "hubungi 0812-3456-7890"))
        }
        #expect(refused?.status == 422)
        #expect(refused?.type == "/problems/personal-data")
        #expect(refused?.fields == ["message", "reference"])
        let problem = FeedbackProblem.personalData(["message": [.identityNumber, .email]]).problem
        let text = String(decoding: try JSONEncoder().encode(problem), as: UTF8.self)
        #expect(!text.contains("5371014507950001"))
        #expect(problem.errors?.first?.message.contains("remove the e-mail address") == true)
    }

    // MARK: Tracking codes

    @Test func trackingCodesAreRandomWellFormedAndReadBackInAnyCase() throws {
        var codes: Set<String> = []
        for _ in 0..<1000 {
            let code = FeedbackTrackingCode.make()
            #expect(code.range(of: FeedbackTrackingCode.pattern, options: .regularExpression) != nil, "\(code)")
            #expect(FeedbackTrackingCode.normalized(code) == code)
            codes.insert(code)
        }
        #expect(codes.count == 1000)
        let code = try #require(codes.first)
        #expect(FeedbackTrackingCode.normalized(" \(code.lowercased()) ") == code)
        for bad in ["", "FB-7K3Q-92XD", "FB-AAAA-BBBB-CCC0", "XX-AAAA-BBBB-CCCC", "FB-AAAA-BBBB-CCCC-DDDD",
                    "FB-AAAI-BBBB-CCCC"] {
            #expect(FeedbackTrackingCode.normalized(bad) == nil, "\(bad)")
        }
    }
}
