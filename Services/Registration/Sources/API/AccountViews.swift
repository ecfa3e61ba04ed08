import Foundation
import RecruitmentEvents
import ServiceKit

/// What a NIK says about its holder, shown back to the applicant at sign-up so typing mistakes surface at once. The
/// NIK itself is only echoed masked.
struct NIKSummary: Codable, Sendable {
    /// The first six and last four digits, e.g. `537102******0001`.
    var masked: String
    /// `PP.KK.CC`, e.g. `53.71.02`.
    var regionCode: String
    var provinceName: String
    /// `male` or `female` (women's day of birth is encoded +40).
    var sex: String

    init(_ nik: NIK) {
        masked = String(nik.digits.prefix(6)) + "******" + String(nik.digits.suffix(4))
        regionCode = nik.regionCode
        provinceName = nik.provinceName
        sex = nik.sex.rawValue
    }
}

/// The answer to a successful sign-up.
struct SignUpReceipt: Codable, Sendable {
    var applicantId: UUID
    var fullName: String
    var email: String
    var nik: NIKSummary
    /// Accepted findings the applicant should know about (e.g. NIK and birth date disagree).
    var warnings: [FieldIssue]
}

/// `POST /v1/auth/token`: the user name is an e-mail address or, for applicants, the NIK.
struct LoginRequest: Codable, Sendable {
    var username: String
    var password: String
}

/// The signed-in account (`GET /v1/me`).
struct AccountView: Codable, Sendable {
    var accountId: UUID
    /// `applicant` or `officer`.
    var kind: String
    var displayName: String
    var email: String
    var roles: [Role]
}

/// `POST /v1/admin/officers`.
struct OfficerRequest: Codable, Sendable {
    var email: String
    var displayName: String
    var roles: [OfficerRole]
    /// The initial password, to be handed over out of band.
    var password: String
}

/// An officer account as administrators see it.
struct OfficerView: Codable, Sendable {
    var officerId: UUID
    var email: String
    var displayName: String
    var roles: [Role]
}
