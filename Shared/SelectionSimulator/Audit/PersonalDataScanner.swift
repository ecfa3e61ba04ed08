/// Looks for the planned applicants' personal data (NIK, KK number, birth date, e-mail address) in public answers.
///
/// One pass over each body: the NIK and KK number (16 digits) are looked up in every 16-digit window of every run of
/// digits, the birth date (`YYYY-MM-DD`) at every position shaped like a date, the e-mail address as the word around
/// every `@`. Findings name the applicant's plan index and the kind of datum, never the datum itself.
struct PersonalDataScanner: Sendable {
    /// One applicant's datum found in a body.
    struct Finding: Sendable, Hashable, CustomStringConvertible {
        /// The applicant's index in the plan.
        var applicant: Int
        /// `NIK`, `KK number`, `birth date` or `e-mail address`.
        var field: String

        var description: String { "the \(field) of applicant #\(applicant)" }
    }

    private var numbers: [String: [Finding]] = [:]
    private var dates: [String: [Finding]] = [:]
    private var emails: [String: [Finding]] = [:]
    private var numberLengths: Set<Int> = []

    /// A scanner for `identities`, each with the applicant's plan index.
    init(_ identities: [(index: Int, identity: ApplicantIdentity)]) {
        for (index, identity) in identities {
            numbers[identity.nik, default: []].append(Finding(applicant: index, field: "NIK"))
            numbers[identity.kkNumber, default: []].append(Finding(applicant: index, field: "KK number"))
            dates[identity.birthDate.iso, default: []].append(Finding(applicant: index, field: "birth date"))
            emails[identity.email.lowercased(), default: []].append(Finding(applicant: index, field: "e-mail address"))
            numberLengths.insert(identity.nik.utf8.count)
            numberLengths.insert(identity.kkNumber.utf8.count)
        }
    }

    /// The data of planned applicants that `body` contains (each finding once).
    func findings(in body: [UInt8]) -> Set<Finding> {
        var found: Set<Finding> = []
        var index = 0
        let count = body.count
        while index < count {
            let byte = body[index]
            if Self.isDigit(byte) {
                var end = index
                while end < count && Self.isDigit(body[end]) { end += 1 }
                scanDigits(body, index..<end, into: &found)
                scanDates(body, from: index, into: &found)
                index = end
            } else {
                if byte == UInt8(ascii: "@") { scanEmail(body, at: index, into: &found) }
                index += 1
            }
        }
        return found
    }

    private func scanDigits(_ body: [UInt8], _ run: Range<Int>, into found: inout Set<Finding>) {
        for length in numberLengths where run.count >= length {
            for start in run.lowerBound...(run.upperBound - length) {
                let window = String(decoding: body[start..<(start + length)], as: UTF8.self)
                if let hits = numbers[window] { found.formUnion(hits) }
            }
        }
    }

    /// Dates start inside a run of digits: check every digit position of the run that begins `YYYY-MM-DD`.
    private func scanDates(_ body: [UInt8], from start: Int, into found: inout Set<Finding>) {
        var position = start
        while position < body.count && Self.isDigit(body[position]) {
            if position + 10 <= body.count && Self.isDate(body, at: position) {
                let text = String(decoding: body[position..<(position + 10)], as: UTF8.self)
                if let hits = dates[text] { found.formUnion(hits) }
            }
            position += 1
        }
    }

    private func scanEmail(_ body: [UInt8], at: Int, into found: inout Set<Finding>) {
        var start = at
        while start > 0 && Self.isEmailByte(body[start - 1]) { start -= 1 }
        var end = at + 1
        while end < body.count && Self.isEmailByte(body[end]) { end += 1 }
        let word = String(decoding: body[start..<end], as: UTF8.self).lowercased()
        if let hits = emails[word] { found.formUnion(hits) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isDate(_ body: [UInt8], at start: Int) -> Bool {
        for offset in 0..<10 {
            let byte = body[start + offset]
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard isDigit(byte) else { return false }
            }
        }
        return true
    }

    private static func isEmailByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "%")
    }
}
