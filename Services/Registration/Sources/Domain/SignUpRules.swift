import Foundation
import RecruitmentEvents

/// What an applicant sends to create an account (DOMAIN §1.2), before validation: the JSON body of
/// `POST /v1/accounts`.
struct SignUpRequest: Codable, Sendable {
    /// The 16-digit NIK from the identity card (KTP).
    var nik: String
    /// The 16-digit family card (KK) number.
    var kkNumber: String
    /// The full name as on the KTP.
    var fullName: String
    /// `YYYY-MM-DD`.
    var birthDate: String
    var email: String
    /// An Indonesian mobile number.
    var phone: String
    /// 10 to 72 bytes; not containing the NIK or the e-mail address.
    var password: String
}

/// A sign-up that passed every rule, with the decoded NIK and any warnings for the applicant.
struct ApplicantSignUp: Sendable {
    var nik: NIK
    var kkNumber: String
    var fullName: String
    var birthDate: CalendarDate
    var email: String
    var phone: String
    var password: String
    /// Accepted but noteworthy findings, e.g. a NIK whose encoded birth date differs from the entered one.
    var warnings: [RegistrationIssue]
}

/// One rule a request field broke (or, as a warning, a finding).
struct RegistrationIssue: Sendable, Equatable {
    var field: String
    var code: String
    var message: String
}

/// The rules an applicant's sign-up must meet (DOMAIN.md §1.2 and §4). Pure: no I/O, every failure reported at once.
enum SignUpRules {
    /// Validates `request` against the rules as of `today` (the applicant's local date).
    static func validate(_ request: SignUpRequest, today: CalendarDate)
        -> Result<ApplicantSignUp, RegistrationValidationError>
    {
        var issues: [RegistrationIssue] = []
        var warnings: [RegistrationIssue] = []

        let nik: NIK?
        do {
            nik = try NIK(request.nik)
        } catch {
            nik = nil
            issues.append(.init(field: "nik", code: error.code, message: error.message))
        }

        let kk = request.kkNumber
        if kk.utf8.count != 16 || !kk.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            issues.append(.init(field: "kkNumber", code: "kk-format", message: "a KK number has exactly 16 digits"))
        } else if kk.utf8.allSatisfy({ $0 == 0x30 }) {
            issues.append(.init(field: "kkNumber", code: "kk-format", message: "a KK number cannot be all zeros"))
        }

        let name = request.fullName.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if name.isEmpty {
            issues.append(.init(field: "fullName", code: "required", message: "the full name is required"))
        } else if name.count > 100 {
            issues.append(.init(field: "fullName", code: "too-long", message: "at most 100 characters"))
        } else if !name.unicodeScalars.allSatisfy({ CharacterSet.letters.contains($0) || " '.-,".unicodeScalars.contains($0) }) {
            issues.append(.init(field: "fullName", code: "name-characters",
                                message: "only letters, spaces and ' . - , as on the KTP"))
        }

        let birthDate = CalendarDate(request.birthDate)
        if let birthDate {
            if birthDate > today {
                issues.append(.init(field: "birthDate", code: "future-date", message: "the birth date is in the future"))
            } else if birthDate.age(on: today) > 100 {
                issues.append(.init(field: "birthDate", code: "implausible-date", message: "the birth date is implausible"))
            } else if let nik, !nik.agrees(with: birthDate) {
                warnings.append(.init(
                    field: "nik", code: "nik-birth-date-mismatch",
                    message: "the birth date encoded in the NIK differs from the entered birth date; "
                        + "the registration is accepted and the civil registry record decides"))
            }
        } else {
            issues.append(.init(field: "birthDate", code: "date-format", message: "a real date written YYYY-MM-DD"))
        }

        let email = request.email.trimmingCharacters(in: .whitespaces).lowercased()
        if !isPlausibleEmail(email) {
            issues.append(.init(field: "email", code: "email-format", message: "a valid e-mail address"))
        }

        let phone = normalizedPhone(request.phone)
        if phone == nil {
            issues.append(.init(field: "phone", code: "phone-format",
                                message: "an Indonesian mobile number such as 0812xxxxxxx or +62812xxxxxxx"))
        }

        issues += PasswordPolicy.check(request.password, field: "password", nik: request.nik, email: email)

        guard issues.isEmpty, let nik, let birthDate, let phone else {
            return .failure(RegistrationValidationError(issues: issues))
        }
        return .success(ApplicantSignUp(
            nik: nik, kkNumber: kk, fullName: name, birthDate: birthDate, email: email, phone: phone,
            password: request.password, warnings: warnings))
    }

    static func isPlausibleEmail(_ email: String) -> Bool {
        guard email.utf8.count <= 254, !email.contains(where: \.isWhitespace) else { return false }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64 else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }

    /// `+628…` form of an Indonesian mobile number (08…, 628…, +628…; spaces and dashes ignored), or `nil`.
    static func normalizedPhone(_ raw: String) -> String? {
        let compact = raw.filter { $0 != " " && $0 != "-" }
        var digits: Substring
        if compact.hasPrefix("+62") {
            digits = compact.dropFirst(3)
        } else if compact.hasPrefix("62") {
            digits = compact.dropFirst(2)
        } else if compact.hasPrefix("0") {
            digits = compact.dropFirst(1)
        } else {
            return nil
        }
        guard digits.hasPrefix("8"), (9...12).contains(digits.count), digits.allSatisfy(\.isASCII),
              digits.allSatisfy(\.isNumber)
        else { return nil }
        return "+62" + digits
    }
}

/// Every rule a request broke (answered as `422` problem+json naming each field).
struct RegistrationValidationError: Error, Equatable {
    var issues: [RegistrationIssue]
}
