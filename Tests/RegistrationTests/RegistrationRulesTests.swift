import Foundation
import RecruitmentEvents
import Testing
@testable import Registration

@Suite struct SignUpRulesTests {
    static let today = CalendarDate("2026-11-29")!

    static func request(
        nik: String = "5371024507950001", kk: String = "5371020101950003", name: String = "Maria Goreti Fanggidae",
        birthDate: String = "1995-07-05", email: String = "maria@example.org", phone: String = "0812 3456 7890",
        password: String = "kupang-bersinar-2026"
    ) -> SignUpRequest {
        SignUpRequest(
            nik: nik, kkNumber: kk, fullName: name, birthDate: birthDate, email: email, phone: phone,
            password: password)
    }

    @Test func acceptsAValidRegistration() throws {
        let registration = try SignUpRules.validate(Self.request(), today: Self.today).get()
        #expect(registration.phone == "+6281234567890")
        #expect(registration.fullName == "Maria Goreti Fanggidae")
        #expect(registration.warnings.isEmpty)
    }

    @Test func birthDateDisagreeingWithTheNIKIsOnlyAWarning() throws {
        let registration = try SignUpRules.validate(Self.request(birthDate: "1995-07-06"), today: Self.today).get()
        #expect(registration.warnings.map(\.code) == ["nik-birth-date-mismatch"])
    }

    @Test func reportsEveryBadFieldAtOnce() {
        let result = SignUpRules.validate(
            Self.request(nik: "123", kk: "0000000000000000", name: "Maria 2", birthDate: "1995-02-30",
                         email: "not-an-email", phone: "12345", password: "short"),
            today: Self.today)
        guard case .failure(let error) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(Set(error.issues.map(\.field)) == ["nik", "kkNumber", "fullName", "birthDate", "email", "phone", "password"])
    }

    @Test(arguments: [
        ("short1234", "password-too-short"), (String(repeating: "é", count: 40), "password-too-long"),
        ("aaaaaaaaaaaa", "password-too-simple"), ("x5371024507950001", "password-contains-identity"),
        ("MARIA@EXAMPLE.ORG!", "password-contains-identity"),
    ])
    func rejectsWeakPasswords(_ password: String, _ code: String) {
        let result = SignUpRules.validate(Self.request(password: password), today: Self.today)
        guard case .failure(let error) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.issues.map(\.code) == [code])
        #expect(error.issues.map(\.field) == ["password"])
    }

    @Test func futureBirthDateIsRejected() {
        let result = SignUpRules.validate(Self.request(birthDate: "2027-01-01"), today: Self.today)
        #expect((try? result.get()) == nil)
    }

    @Test(arguments: [
        ("0812-3456-7890", "+6281234567890"), ("+62 812 3456 789", "+628123456789"), ("6281234567890", "+6281234567890"),
    ])
    func normalisesIndonesianMobileNumbers(_ raw: String, _ expected: String) {
        #expect(SignUpRules.normalizedPhone(raw) == expected)
    }

    @Test(arguments: ["0212345678", "+1 555 123 4567", "08123", "0812345678901234", "０８１２３４５６７８９０"])
    func rejectsOtherPhoneNumbers(_ raw: String) {
        #expect(SignUpRules.normalizedPhone(raw) == nil)
    }
}

@Suite struct EligibilityTests {
    static let wita = TimeZone(identifier: "Asia/Makassar")!
    static let formation = FormationSnapshot(
        formationId: UUID(), periodId: UUID(), kind: .umum,
        educationRequirements: [EducationRequirement(level: .s1, majors: ["Teknik Informatika", "Sistem Informasi"])],
        ageLimit: AgeLimit(minimumYears: 18, maximumYears: 35),
        // "23.59 WIB on 6 September 2024" = 16:59 UTC = 00:59 WITA on 7 September (DOMAIN §6.1).
        registrationOpensAt: ISO8601DateFormatter().date(from: "2024-08-19T17:00:00Z")!,
        registrationClosesAt: ISO8601DateFormatter().date(from: "2024-09-06T17:00:00Z")!,
        timeZone: wita, fiscalYear: 2024)
    static let grade = AcademicGrade(kind: .ipk, value: ExactDecimal("3.2")!, scaleMaximum: ExactDecimal("4")!)
    static let education = EducationQualification(level: .s1, major: "teknik informatika")

    static func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func aWIBDeadlineHoldsAgainstAWITAClock() {
        // 00:30 WITA on 7 September is still 23:30 WIB on the 6th: accepted.
        let beforeDeadline = Self.instant("2024-09-07T00:30:00+08:00")
        #expect(Eligibility.check(formation: Self.formation, birthDate: CalendarDate("1995-07-05")!,
                                  education: Self.education, grade: Self.grade, now: beforeDeadline).isEmpty)
        // 01:00 WITA on 7 September is 00:00 WIB on the 7th: closed.
        let afterDeadline = Self.instant("2024-09-07T01:00:00+08:00")
        let issues = Eligibility.check(formation: Self.formation, birthDate: CalendarDate("1995-07-05")!,
                                       education: Self.education, grade: Self.grade, now: afterDeadline)
        #expect(issues.map(\.code) == ["registration-closed"])
        #expect(issues.first?.message.contains("WIB") == true)
    }

    @Test func notYetOpen() {
        let issues = Eligibility.check(formation: Self.formation, birthDate: CalendarDate("1995-07-05")!,
                                       education: Self.education, grade: Self.grade,
                                       now: Self.instant("2024-08-19T16:59:59Z"))
        #expect(issues.map(\.code) == ["registration-not-open"])
    }

    @Test func ageIsCountedOnTheAgencysDateOfSubmission() {
        let now = Self.instant("2024-09-01T16:30:00Z")  // 2 September 00:30 WITA, still 1 September in UTC
        // Turns 36 on 2 September (WITA date): over age. On 1 September (UTC date) still 35.
        let issues = Eligibility.check(formation: Self.formation, birthDate: CalendarDate("1988-09-02")!,
                                       education: Self.education, grade: Self.grade, now: now)
        #expect(issues.map(\.code) == ["over-age"])
        let eighteenTomorrow = Eligibility.check(formation: Self.formation, birthDate: CalendarDate("2006-09-03")!,
                                                 education: Self.education, grade: Self.grade, now: now)
        #expect(eighteenTomorrow.map(\.code) == ["under-age"])
        let exactly35 = Eligibility.check(formation: Self.formation, birthDate: CalendarDate("1989-09-02")!,
                                          education: Self.education, grade: Self.grade, now: now)
        #expect(exactly35.isEmpty)
    }

    @Test func educationLevelAndMajorMustMatch() {
        let now = Self.instant("2024-09-01T00:00:00Z")
        let wrongLevel = Eligibility.check(formation: Self.formation, birthDate: CalendarDate("1995-07-05")!,
                                           education: EducationQualification(level: .d3, major: "Teknik Informatika"),
                                           grade: Self.grade, now: now)
        #expect(wrongLevel.map(\.code) == ["education-level"])
        let wrongMajor = Eligibility.check(formation: Self.formation, birthDate: CalendarDate("1995-07-05")!,
                                           education: EducationQualification(level: .s1, major: "Biologi"),
                                           grade: Self.grade, now: now)
        #expect(wrongMajor.map(\.code) == ["education-major"])
    }

    @Test func gradeAboveItsScaleIsRejected() {
        let grade = AcademicGrade(kind: .ipk, value: ExactDecimal("4.5")!, scaleMaximum: ExactDecimal("4")!)
        let issues = Eligibility.check(formation: Self.formation, birthDate: CalendarDate("1995-07-05")!,
                                       education: Self.education, grade: grade, now: Self.instant("2024-09-01T00:00:00Z"))
        #expect(issues.map(\.code) == ["range"])
    }
}

@Suite struct RegistrationNumberTests {
    @Test func formatsAndChecks() {
        let number = RegistrationNumber.make(fiscalYear: 2024, sequence: 123)
        #expect(number.hasPrefix("ASN-24-0000123-"))
        #expect(RegistrationNumber.isValid(number))
    }

    @Test func padsTheYearAndTheSequenceAndLetsTheSequenceGrow() {
        #expect(RegistrationNumber.make(fiscalYear: 2005, sequence: 1).hasPrefix("ASN-05-0000001-"))
        let large = RegistrationNumber.make(fiscalYear: 2030, sequence: 123_456_789)
        #expect(large.hasPrefix("ASN-30-123456789-"))
        #expect(RegistrationNumber.isValid(large))
    }

    @Test func detectsASingleMistypedDigit() {
        let number = RegistrationNumber.make(fiscalYear: 2024, sequence: 4567)
        var characters = Array(number)
        let index = characters.firstIndex(of: "4")!
        characters[index] = "5"
        #expect(!RegistrationNumber.isValid(String(characters)))
    }
}

@Suite struct PersonalDataProtectionTests {
    static let protection = try! PersonalDataProtection(
        encryptionKeyBase64: Data(repeating: 1, count: 32).base64EncodedString(),
        indexKeyBase64: Data(repeating: 2, count: 32).base64EncodedString())

    @Test func sealsAndOpens() throws {
        let sealed = try Self.protection.seal("5371024507950001")
        #expect(try Self.protection.open(sealed) == "5371024507950001")
        #expect(!String(decoding: sealed, as: UTF8.self).contains("5371024507950001"))
        #expect(try Self.protection.seal("5371024507950001") != sealed)
    }

    @Test func indexIsStableKeyedAndNotTheNIK() {
        let index = Self.protection.index(ofNIK: "5371024507950001")
        #expect(index == Self.protection.index(ofNIK: "5371024507950001"))
        #expect(index != Self.protection.index(ofNIK: "5371024507950002"))
        #expect(!index.contains("5371024507950001"))
    }

    @Test func rejectsKeysOfTheWrongLength() {
        #expect(throws: PersonalDataProtection.KeyError.wrongLength(16)) {
            try PersonalDataProtection(encryptionKeyBase64: Data(count: 16).base64EncodedString(),
                                       indexKeyBase64: Data(count: 32).base64EncodedString())
        }
        #expect(throws: PersonalDataProtection.KeyError.notBase64) {
            try PersonalDataProtection(encryptionKeyBase64: "***", indexKeyBase64: "***")
        }
    }
}
