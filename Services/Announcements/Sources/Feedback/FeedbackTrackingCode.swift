/// The random code a sender keeps to look up the answer: `FB-XXXX-XXXX-XXXX`, twelve characters from an alphabet
/// without look-alikes (no 0/O, 1/I/L; 31 symbols), about 59 bits from the system's cryptographic generator — unguessable, and the only
/// link between the sender and the feedback.
enum FeedbackTrackingCode {
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ".unicodeScalars)
    static let groups = 3
    static let groupLength = 4
    /// An ECMA-262 pattern of a code (upper case; lookups also accept lower case).
    static let pattern = "^FB-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$"

    /// A fresh code.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return make(using: &generator)
    }

    static func make(using generator: inout some RandomNumberGenerator) -> String {
        var parts: [String] = ["FB"]
        for _ in 0..<groups {
            var group = String.UnicodeScalarView()
            for _ in 0..<groupLength {
                group.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
            }
            parts.append(String(group))
        }
        return parts.joined(separator: "-")
    }

    /// `text` as a stored code (trimmed, upper case), or `nil` if it cannot be one.
    static func normalized(_ text: String) -> String? {
        let code = text.trimmingWhitespace().uppercased()
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == groups + 1, parts[0] == "FB" else { return nil }
        for part in parts.dropFirst() {
            guard part.unicodeScalars.count == groupLength, part.unicodeScalars.allSatisfy(alphabet.contains) else {
                return nil
            }
        }
        return code
    }
}
