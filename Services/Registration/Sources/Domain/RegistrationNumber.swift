import Foundation

/// Human-friendly registration numbers: `ASN-24-0000123-7` = fiscal year, a sequence, a Luhn check digit that catches
/// any single mistyped digit and most swapped pairs when an applicant reads the number out to a helpdesk.
enum RegistrationNumber {
    static func make(fiscalYear: Int, sequence: Int64) -> String {
        let year = zeroPadded(Int64(fiscalYear % 100), width: 2)
        let serial = zeroPadded(sequence, width: 7)
        return "ASN-\(year)-\(serial)-\(checkDigit(year + serial))"
    }

    /// `value` in decimal with leading zeros up to `width` digits (not `String(format:)`, which goes through
    /// CoreFoundation's formatter on every submission).
    static func zeroPadded(_ value: Int64, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Whether `number` is well-formed and its check digit matches.
    static func isValid(_ number: String) -> Bool {
        let parts = number.split(separator: "-")
        guard parts.count == 4, parts[0] == "ASN", parts[1].count == 2, parts[2].count >= 7, parts[3].count == 1,
              (parts[1] + parts[2] + parts[3]).allSatisfy(\.isASCII), (parts[1] + parts[2]).allSatisfy(\.isNumber)
        else { return false }
        return String(checkDigit(String(parts[1] + parts[2]))) == parts[3]
    }

    /// The Luhn check digit of a string of decimal digits.
    static func checkDigit(_ digits: String) -> Int {
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            var digit = Int(character.asciiValue! - 48)
            if index % 2 == 0 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return (10 - sum % 10) % 10
    }
}
