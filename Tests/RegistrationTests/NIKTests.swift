import RecruitmentEvents
import Testing
@testable import Registration

@Suite struct NIKTests {
    @Test func decodesAKupangFemaleNIK() throws {
        // 53.71.02, born 05-07-1995 (day 45 = 5 + 40: female), serial 0001.
        let nik = try NIK("5371024507950001")
        #expect(nik.provinceCode == 53)
        #expect(nik.provinceName == "Nusa Tenggara Timur")
        #expect(nik.regionCode == "53.71.02")
        #expect(nik.sex == .female)
        #expect(nik.birthDay == 5)
        #expect(nik.birthMonth == 7)
        #expect(nik.birthYearTwoDigits == 95)
        #expect(nik.serial == 1)
    }

    @Test func decodesAMaleNIK() throws {
        let nik = try NIK("3578013112990123")
        #expect(nik.sex == .male)
        #expect(nik.birthDay == 31)
        #expect(nik.birthMonth == 12)
    }

    @Test(arguments: [
        ("537102450795000", NIK.ValidationError.notSixteenDigits),
        ("53710245079500011", .notSixteenDigits),
        ("53710245079500a1", .notSixteenDigits),
        ("５３７１０２４５０７９５０００１", .notSixteenDigits),
        ("9971024507950001", .unknownProvince(99)),
        ("5300024507950001", .zeroRegency),
        ("5371004507950001", .zeroDistrict),
        ("5371003207950001", .zeroDistrict),
        ("5371023207950001", .invalidDay(32)),
        ("5371024007950001", .invalidDay(40)),
        ("5371027207950001", .invalidDay(72)),
        ("5371020513950001", .invalidMonth(13)),
        ("5371020500950001", .invalidMonth(0)),
        ("5371024507950000", .zeroSerial),
        ("5371023102950001", .impossibleDate),
        ("5371027102950001", .impossibleDate),
    ])
    func rejects(_ text: String, _ expected: NIK.ValidationError) {
        #expect(throws: expected) { try NIK(text) }
    }

    @Test func acceptsTwentyNinthFebruaryOnlyInSomeLeapYear() throws {
        _ = try NIK("5371022902000001")  // 2000 is a leap year
        _ = try NIK("5371026902960001")  // female, 1996
        #expect(throws: NIK.ValidationError.impossibleDate) { try NIK("5371022902970001") }
    }

    @Test func comparesWithTheEnteredBirthDate() throws {
        let nik = try NIK("5371024507950001")
        #expect(nik.agrees(with: CalendarDate("1995-07-05")!))
        #expect(!nik.agrees(with: CalendarDate("1995-07-06")!))
        #expect(!nik.agrees(with: CalendarDate("1996-07-05")!))
    }
}
