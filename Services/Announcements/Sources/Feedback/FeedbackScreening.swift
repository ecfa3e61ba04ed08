/// The screening of free text from the public (pure, unit-tested): control and invisible formatting characters are
/// removed, and obvious personal data — NIK/KK numbers, e-mail addresses, phone numbers — is found so the request can
/// be refused before anything is stored or logged.
///
/// It is a net for honest mistakes, not a guarantee: moderation still reads every message before it is published.
enum FeedbackScreening {
    /// `text` without control characters (line breaks kept as `\n` when `keepLineBreaks`, otherwise spaces; tabs
    /// become spaces) and without invisible format characters (zero-width spaces, bidirectional overrides, …, which
    /// could also hide a number from the scan), trimmed.
    static func sanitized(_ text: String, keepLineBreaks: Bool) -> String {
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\r":
                result.append(keepLineBreaks ? "\n" : " ")
            case "\n", "\u{2028}", "\u{2029}", "\u{85}":
                if previous == "\r" { continue }
                result.append(keepLineBreaks ? "\n" : " ")
            case "\t":
                result.append(" ")
            default:
                switch scalar.properties.generalCategory {
                case .control, .format, .surrogate, .privateUse, .unassigned: continue
                default: result.append(scalar)
                }
            }
        }
        return String(result).trimmingWhitespace()
    }

    /// The kinds of personal data found in `text`, in a stable order (empty: none).
    static func personalData(in text: String) -> [PersonalDataKind] {
        var found: Set<PersonalDataKind> = []
        if containsEmail(text) { found.insert(.email) }
        for token in numberTokens(in: text) {
            if let kind = classify(token) { found.insert(kind) }
        }
        return found.sorted()
    }

    /// Only NIK/KK numbers (for officers' public texts, which may legitimately name a helpdesk's phone or address).
    static func identityNumbers(in text: String) -> Bool {
        numberTokens(in: text).contains { classify($0) == .identityNumber }
    }

    // MARK: Numbers

    /// A run of digits joined by short separators (`5371 0145 0795 0001`, `0812-3456-7890`, `(0380) 821 234`).
    struct NumberToken: Equatable {
        var plus: Bool
        var digits: [UInt8]
    }

    /// Separators that may join digit groups of one number, at most two in a row (`) `, `. `).
    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "-" || scalar == "." || scalar == "(" || scalar == ")" || scalar == "/"
            || scalar == "\u{A0}" || scalar == "\u{2010}" || scalar == "\u{2011}" || scalar == "\u{2013}"
    }

    static func numberTokens(in text: String) -> [NumberToken] {
        var tokens: [NumberToken] = []
        var current: NumberToken?
        var pendingJoiners = 0
        var sawPlus = false
        for scalar in text.unicodeScalars {
            if let digit = scalar.properties.numericType == .decimal ? scalar.properties.numericValue : nil {
                if current == nil { current = NumberToken(plus: sawPlus, digits: []) }
                current!.digits.append(UInt8(digit))
                pendingJoiners = 0
                sawPlus = false
            } else if current != nil, isJoiner(scalar), pendingJoiners < 2 {
                pendingJoiners += 1
            } else {
                if let token = current { tokens.append(token) }
                current = nil
                pendingJoiners = 0
                sawPlus = scalar == "+"
            }
        }
        if let token = current { tokens.append(token) }
        return tokens
    }

    /// What a number token is, if personal data.
    static func classify(_ token: NumberToken) -> PersonalDataKind? {
        let digits = token.digits
        let count = digits.count
        if count == 16 { return .identityNumber }
        if token.plus, (8...15).contains(count) { return .phoneNumber }
        // Indonesian numbers: 08… mobile (10-13 digits), 0xx… landline (9-12), 62 8… mobile without the plus.
        if digits.first == 0, digits.dropFirst().first != 0, (9...13).contains(count) { return .phoneNumber }
        if digits.starts(with: [6, 2, 8]), (11...14).contains(count) { return .phoneNumber }
        return nil
    }

    // MARK: E-mail

    /// Whether `text` holds `local@domain.tld` (a letter-only top-level domain of at least two letters).
    static func containsEmail(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where scalar == "@" || scalar == "\u{FF20}" {
            guard index > 0, isLocalPart(scalars[index - 1]) else { continue }
            var end = index + 1
            while end < scalars.count, isDomainPart(scalars[end]) { end += 1 }
            let domain = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count >= 2 else { continue }
            let topLevel = labels.last(where: { !$0.isEmpty }) ?? ""
            let named = labels.dropLast().contains { !$0.isEmpty }
            if named, topLevel.count >= 2, topLevel.allSatisfy(\.isLetter) { return true }
        }
        return false
    }

    static func isLocalPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
            || "._%+-".unicodeScalars.contains(scalar)
    }

    static func isDomainPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal || scalar == "." || scalar == "-"
    }
}

extension String {
    /// The string without leading and trailing white space and line breaks.
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
