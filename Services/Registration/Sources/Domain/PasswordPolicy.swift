/// What makes an acceptable password (NIST SP 800-63B style: length over composition rules). bcrypt reads at most
/// 72 bytes, so longer passwords are refused rather than silently truncated.
enum PasswordPolicy {
    static let minimumCharacters = 10
    static let maximumBytes = 72

    /// The rules `password` breaks, reported against `field`.
    static func check(_ password: String, field: String, nik: String? = nil, email: String? = nil)
        -> [RegistrationIssue]
    {
        if password.count < minimumCharacters {
            return [.init(field: field, code: "password-too-short",
                          message: "at least \(minimumCharacters) characters")]
        }
        if password.utf8.count > maximumBytes {
            return [.init(field: field, code: "password-too-long", message: "at most \(maximumBytes) bytes")]
        }
        if Set(password).count < 4 {
            return [.init(field: field, code: "password-too-simple", message: "use at least four different characters")]
        }
        let lowered = password.lowercased()
        if let nik, nik.count >= 6, lowered.contains(nik) {
            return [.init(field: field, code: "password-contains-identity", message: "must not contain the NIK")]
        }
        if let email, !email.isEmpty, lowered.contains(email.lowercased()) {
            return [.init(field: field, code: "password-contains-identity", message: "must not contain the e-mail address")]
        }
        return []
    }
}
