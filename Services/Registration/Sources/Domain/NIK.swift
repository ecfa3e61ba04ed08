import Foundation
import RecruitmentEvents

/// A Nomor Induk Kependudukan (Indonesian national identity number), validated and decoded (DOMAIN.md §4).
///
/// Layout `PP KK CC DD MM YY SSSS`: province, regency/city, district, day of birth (+40 for women), month, two-digit
/// year and a serial starting at 0001. There is no checksum; the authoritative check is the civil registry (Dukcapil).
/// A NIK is never changed when a birth date is corrected, so a disagreement with the entered birth date is a warning,
/// not a rejection.
struct NIK: Sendable, Hashable {
    /// The 16 digits.
    let digits: String
    let provinceCode: Int
    let regencyCode: Int
    let districtCode: Int
    let sex: Sex
    let birthDay: Int
    let birthMonth: Int
    let birthYearTwoDigits: Int
    let serial: Int

    enum Sex: String, Sendable, Codable {
        case male, female
    }

    /// Why a string is not a valid NIK; each case maps to a stable problem code.
    enum ValidationError: Error, Equatable {
        case notSixteenDigits
        case unknownProvince(Int)
        case zeroRegency
        case zeroDistrict
        case invalidDay(Int)
        case invalidMonth(Int)
        case zeroSerial
        case impossibleDate

        var code: String {
            switch self {
            case .notSixteenDigits: "nik-format"
            case .unknownProvince: "nik-province"
            case .zeroRegency: "nik-regency"
            case .zeroDistrict: "nik-district"
            case .invalidDay: "nik-day"
            case .invalidMonth: "nik-month"
            case .zeroSerial: "nik-serial"
            case .impossibleDate: "nik-date"
            }
        }

        var message: String {
            switch self {
            case .notSixteenDigits: "a NIK has exactly 16 digits"
            case .unknownProvince(let code): "province code \(code) does not exist"
            case .zeroRegency: "the regency/city code (digits 3-4) cannot be 00"
            case .zeroDistrict: "the district code (digits 5-6) cannot be 00"
            case .invalidDay(let day): "day of birth \(day) is neither 01-31 (male) nor 41-71 (female)"
            case .invalidMonth(let month): "month of birth \(month) is not 01-12"
            case .zeroSerial: "the serial number (last 4 digits) cannot be 0000"
            case .impossibleDate: "the encoded birth date is not a real calendar date"
            }
        }
    }

    /// Parses and validates `text`.
    init(_ text: String) throws(ValidationError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { throw .notSixteenDigits }
        func number(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        let province = number(0..<2)
        guard Self.provinces[province] != nil else { throw .unknownProvince(province) }
        let regency = number(2..<4)
        guard regency != 0 else { throw .zeroRegency }
        let district = number(4..<6)
        guard district != 0 else { throw .zeroDistrict }
        let encodedDay = number(6..<8)
        let sex: Sex
        let day: Int
        switch encodedDay {
        case 1...31: (sex, day) = (.male, encodedDay)
        case 41...71: (sex, day) = (.female, encodedDay - 40)
        default: throw .invalidDay(encodedDay)
        }
        let month = number(8..<10)
        guard (1...12).contains(month) else { throw .invalidMonth(month) }
        let serial = number(12..<16)
        guard serial != 0 else { throw .zeroSerial }
        // Day 29 February needs a leap year; with two digits, "00" is a leap year in both 1900 and 2000 only for
        // 2000, so accept the date when it is real in either century and let the full birth date decide.
        let yy = number(10..<12)
        guard Self.isRealDate(day: day, month: month, year: 1900 + yy) || Self.isRealDate(day: day, month: month, year: 2000 + yy)
        else { throw .impossibleDate }
        self.digits = text
        self.provinceCode = province
        self.regencyCode = regency
        self.districtCode = district
        self.sex = sex
        self.birthDay = day
        self.birthMonth = month
        self.birthYearTwoDigits = yy
        self.serial = serial
    }

    /// The province's name, e.g. "Nusa Tenggara Timur" for 53.
    var provinceName: String { Self.provinces[provinceCode] ?? "" }

    /// The regional code `PP.KK.CC`, e.g. `53.71.02`.
    var regionCode: String { String(format: "%02d.%02d.%02d", provinceCode, regencyCode, districtCode) }

    /// Whether the encoded day, month and two-digit year agree with `birthDate` (year compared modulo 100).
    func agrees(with birthDate: CalendarDate) -> Bool {
        birthDate.day == birthDay && birthDate.month == birthMonth && birthDate.year % 100 == birthYearTwoDigits
    }

    static func isRealDate(day: Int, month: Int, year: Int) -> Bool {
        CalendarDate(year: year, month: month, day: day) != nil
    }

    /// Province codes in use (Kemendagri), including the Papua provinces formed in 2022.
    static let provinces: [Int: String] = [
        11: "Aceh", 12: "Sumatera Utara", 13: "Sumatera Barat", 14: "Riau", 15: "Jambi", 16: "Sumatera Selatan",
        17: "Bengkulu", 18: "Lampung", 19: "Kepulauan Bangka Belitung", 21: "Kepulauan Riau", 31: "DKI Jakarta",
        32: "Jawa Barat", 33: "Jawa Tengah", 34: "DI Yogyakarta", 35: "Jawa Timur", 36: "Banten", 51: "Bali",
        52: "Nusa Tenggara Barat", 53: "Nusa Tenggara Timur", 61: "Kalimantan Barat", 62: "Kalimantan Tengah",
        63: "Kalimantan Selatan", 64: "Kalimantan Timur", 65: "Kalimantan Utara", 71: "Sulawesi Utara",
        72: "Sulawesi Tengah", 73: "Sulawesi Selatan", 74: "Sulawesi Tenggara", 75: "Gorontalo", 76: "Sulawesi Barat",
        81: "Maluku", 82: "Maluku Utara", 91: "Papua", 92: "Papua Barat", 93: "Papua Selatan", 94: "Papua Tengah",
        95: "Papua Pegunungan", 96: "Papua Barat Daya",
    ]
}
