/// Participant numbers (nomor peserta): printed on the exam card, published with results, kept from the SKD to the
/// SKB. The national format is [UNCONFIRMED]; this service issues the fiscal year's two digits followed by an
/// eight-digit serial unique within the service, e.g. `2400000412`.
enum ParticipantNumber {
    static func make(fiscalYear: Int, serial: Int64) -> String {
        let year = String(((fiscalYear % 100) + 100) % 100)
        let serialText = String(serial)
        return (year.count < 2 ? "0" + year : year)
            + String(repeating: "0", count: max(0, 8 - serialText.count)) + serialText
    }

    /// Whether `text` can be a participant number at all (path and file input): 1-32 of `[0-9A-Za-z-]`.
    static func isPlausible(_ text: String) -> Bool {
        (1...32).contains(text.utf8.count)
            && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 }
    }
}
