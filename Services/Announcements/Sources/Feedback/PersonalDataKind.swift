/// A kind of personal data the feedback screening refuses (the sender must remove it; it never reaches a log, an
/// event or the public list).
enum PersonalDataKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A 16-digit number: a NIK or a family-card (KK) number, with or without separators.
    case identityNumber = "identity-number"
    /// An e-mail address.
    case email = "email"
    /// A phone number (Indonesian mobile or landline, or any international `+` number).
    case phoneNumber = "phone-number"

    /// What the sender is asked to remove.
    var advice: String {
        switch self {
        case .identityNumber: "remove the NIK or KK number (16 digits)"
        case .email: "remove the e-mail address"
        case .phoneNumber: "remove the phone number"
        }
    }

    static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
