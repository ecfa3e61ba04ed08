import Foundation
import RecruitmentEvents
import Testing

/// ARCHITECTURE §4 and DOMAIN §4, §5.4: no NIK, KK number, birth date, e-mail, phone, password or document bytes in
/// any event. Checks every example's JSON and every property name of every schema (optional fields included).
@Suite("No personal data in events")
struct PersonalDataTests {
    static let patterns: [(name: String, regex: NSRegularExpression)] = [
        ("NIK/KK-like 16-digit number", #"(?<![0-9])[0-9]{16}(?![0-9])"#),
        (
            "NIK with separators",
            #"(?<![0-9])[0-9]{2}[.\- ]?[0-9]{2}[.\- ]?[0-9]{2}[.\- ][0-9]{6}[.\- ]?[0-9]{4}(?![0-9])"#
        ),
        ("e-mail address", #"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#),
        (
            "Indonesian phone number",
            #"(?<![0-9A-Za-z])(\+62|62|0)[ \-]?8[0-9]{1,2}[ \-]?[0-9]{3,4}[ \-]?[0-9]{3,5}(?![0-9A-Za-z])"#
        ),
        ("date before 2015 (birth date?)", #"(?<![0-9])(19[0-9]{2}|200[0-9]|201[0-4])-[01][0-9]-[0-3][0-9]"#),
    ].map { ($0.0, try! NSRegularExpression(pattern: $0.1)) }

    static let forbiddenNameParts = [
        "nik", "kk", "familycard", "kartukeluarga", "birth", "lahir", "dob", "email", "mail", "phone", "telepon",
        "handphone", "whatsapp", "password", "sandi", "bytes", "base64", "content", "filedata", "address",
    ]

    /// Names that legitimately contain a forbidden part.
    static let allowedNames: Set<String> = [
        "address",  // ExamSite.address: the street address of a test site
        "sizeBytes", "maximumSizeBytes",  // a file's size, not its content
    ]

    @Test("No example contains NIK-like numbers, e-mail, phone numbers or old dates", arguments: CatalogueEntry.all)
    func exampleValues(entry: CatalogueEntry) throws {
        let json = try exampleDocument(of: entry.type)
        for text in Self.scalars(in: json) where !Self.isSha256(text) {
            for pattern in Self.patterns {
                let range = NSRange(text.startIndex..., in: text)
                if let match = pattern.regex.firstMatch(in: text, range: range) {
                    Issue.record("\(entry.type): \(pattern.name) \"\(text[Range(match.range, in: text)!])\"")
                }
            }
        }
    }

    @Test("No field of any event is named like personal data", arguments: CatalogueEntry.all)
    func fieldNames(entry: CatalogueEntry) throws {
        let schema = try EventSchemaGenerator.schema(for: entry.type)
        for name in Self.propertyNames(in: schema) where !Self.allowedNames.contains(name) {
            let words = Self.words(of: name)
            for part in Self.forbiddenNameParts where words.contains(part) || name.lowercased() == part {
                Issue.record("\(entry.type) has a field \"\(name)\" that looks like personal data (\(part))")
            }
        }
    }

    @Test("The scanner itself finds what it should")
    func scannerSelfTest() {
        let samples = [
            "5371014507950001", "53.71.01 450795 0001", "maria.fanggidae@example.com", "+62 812-3456-7890",
            "081234567890", "1995-07-05",
        ]
        for sample in samples {
            let range = NSRange(sample.startIndex..., in: sample)
            #expect(Self.patterns.contains { $0.regex.firstMatch(in: sample, range: range) != nil }, "\(sample)")
        }
        #expect(Self.words(of: "nikNumber").contains("nik"))
        #expect(Self.words(of: "birthDate").contains("birth"))
        #expect(!Self.words(of: "kindOfNeed").contains("nik"))
        #expect(Self.isSha256(String(repeating: "0123456789abcdef", count: 4)))
        #expect(!Self.isSha256("5371014507950001"))
    }

    /// Every key, string and number of a document, as text.
    static func scalars(in json: EventJSON) -> [String] {
        switch json {
        case .string(let value): [value]
        case .integer(let value): [String(value)]
        case .number(let value): [String(value)]
        case .array(let elements): elements.flatMap(scalars)
        case .object(let members): Array(members.keys) + members.values.flatMap(scalars)
        default: []
        }
    }

    /// A SHA-256 in lowercase hex (document and announcement hashes), which may contain long digit runs by chance.
    static func isSha256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    static func propertyNames(in schema: EventJSON) -> [String] {
        guard case .object(let members) = schema else { return [] }
        var names = members["properties"]?.objectValue.map { Array($0.keys) } ?? []
        for (key, value) in members where key != "examples" {
            if key == "properties", let properties = value.objectValue {
                names += properties.values.flatMap(propertyNames)
            } else {
                names += propertyNames(in: value)
            }
        }
        return names
    }

    /// camelCase words, lowercased: `nikNumber` → ["nik", "number"].
    static func words(of name: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in name {
            if character.isUppercase, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(Character(character.lowercased()))
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
