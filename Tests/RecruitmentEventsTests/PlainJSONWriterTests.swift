import Foundation
import RecruitmentEvents
import Testing

/// ``PlainJSONWriter`` and its writable types against Foundation's `JSONEncoder`, byte for byte: the writer is only
/// an optimisation, so any difference is a defect.
@Suite("PlainJSONWriter: the encoder's bytes, or nothing")
struct PlainJSONWriterTests {
    /// The events' encoder and a response encoder (slashes escaped), both built here rather than taken from
    /// ``EventCoding/encode(_:)``, which itself uses the writer.
    static let eventEncoder = EventCoding.makeEncoder()
    static let responseEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func expectSameBytes(_ value: some PlainJSONWritable, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        #expect(value.plainJSON(escapesSlashes: false) == Array(try eventEncoder.encode(value)),
                sourceLocation: sourceLocation)
        #expect(value.plainJSON(escapesSlashes: true) == Array(try responseEncoder.encode(value)),
                sourceLocation: sourceLocation)
        #expect(try EventCoding.encode(value) == Array(try eventEncoder.encode(value)), sourceLocation: sourceLocation)
    }

    /// Names and free text as applicants type them: non-ASCII letters, apostrophes, slashes, emoji.
    static let texts = [
        "", "Maria Goreti Fanggidae", "Ni Luh Putu Ayu D'Souza", "Teknik Informatika / Sistem Informasi",
        "Yohanes Ñdun Émile", "Universitas Nusa Cendana (UNDANA) — Kupang", "数学", "Ana 🎓", "a//b/", "http://x/y",
    ]

    @Test("A submission: every education level, grade kind, document type and formation kind, any text")
    func submissions() throws {
        var event = ApplicationSubmittedV1.example
        try Self.expectSameBytes(event)
        for text in Self.texts {
            event.applicantName = text
            event.education.major = text
            event.education.institution = text.isEmpty ? nil : text
            event.documents[0].requirementCode = text
            try Self.expectSameBytes(event)
        }
        for level in EducationLevel.allCases {
            event.education.level = level
            try Self.expectSameBytes(event)
        }
        for kind in AcademicGradeKind.allCases {
            event.academicGrade.kind = kind
            event.academicGrade.value = ExactDecimal(3, scale: 0)
            try Self.expectSameBytes(event)
        }
        for kind in FormationKind.allCases {
            event.formationKind = kind
            try Self.expectSameBytes(event)
        }
        for type in DocumentType.allCases {
            event.documents[1].type = type
            try Self.expectSameBytes(event)
        }
        event.documents = []
        try Self.expectSameBytes(event)
        event.documents = [ApplicationSubmittedV1.example.documents[0]]
        try Self.expectSameBytes(event)
    }

    @Test("A case's opening, with no, one and many documents")
    func caseOpenings() throws {
        var event = VerificationCaseOpenedV1.example
        try Self.expectSameBytes(event)
        for count in [0, 1, 7] {
            event.documentIds = (0..<count).map { _ in UUID() }
            try Self.expectSameBytes(event)
        }
        event.registrationNumber = "26/ASN/0001"
        try Self.expectSameBytes(event)
    }

    @Test("A string the encoder would escape (other than /) is not plain; EventCoding then encodes generically",
          arguments: ["say \"hi\"", "back\\slash", "line\nbreak", "tab\there", "nul\u{0}", "del\u{7F}"])
    func escapesFallBack(_ text: String) throws {
        var event = ApplicationSubmittedV1.example
        event.applicantName = text
        #expect(event.plainJSON(escapesSlashes: false) == nil)
        #expect(event.plainJSON(escapesSlashes: true) == nil)
        #expect(try EventCoding.encode(event) == Array(try Self.eventEncoder.encode(event)))
    }

    @Test("Random UUIDs and printable text")
    func randomValues() throws {
        let alphabet = Array("abcXYZ019 -_.,'()/:éÑ数🎓")
        var event = ApplicationSubmittedV1.example
        for _ in 0..<200 {
            event.applicationId = UUID()
            event.applicantId = UUID()
            event.applicantName = String((0..<Int.random(in: 0...24)).map { _ in alphabet.randomElement()! })
            try Self.expectSameBytes(event)
        }
    }

    @Test("eventKey is the lower-case uuidString")
    func eventKeys() {
        for _ in 0..<1_000 {
            let uuid = UUID()
            #expect(uuid.eventKey == uuid.uuidString.lowercased())
        }
    }
}
