import Foundation
import RecruitmentEvents
import Testing
@testable import Registration

@Suite struct DocumentInspectionTests {
    static let diploma = RequiredDocument(code: "ijazah", type: .ijazah, label: "Ijazah", acceptedFormats: [.pdf],
                                          maximumSizeBytes: 819_200, mandatory: true)
    static let photo = RequiredDocument(code: "pas-foto", type: .pasFoto, label: "Pas foto", acceptedFormats: [.jpeg],
                                        maximumSizeBytes: 204_800, mandatory: true)

    static func pdf(size: Int) -> [UInt8] {
        let head = Array("%PDF-1.7\n".utf8)
        let tail = Array("\n%%EOF\n".utf8)
        return head + [UInt8](repeating: 0x20, count: max(0, size - head.count - tail.count)) + tail
    }

    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + [UInt8](repeating: 0x11, count: 1000) + [0xFF, 0xD9]

    @Test func acceptsAPDFAtTheLimitAndHashesIt() throws {
        let bytes = Self.pdf(size: 819_200)
        let inspected = try DocumentInspection.inspect(bytes, against: Self.diploma).get()
        #expect(inspected.format == .pdf)
        #expect(inspected.sizeBytes == 819_200)
        #expect(inspected.sha256.count == 64)
        #expect(inspected.sha256 == DocumentInspection.sha256Hex(bytes))
    }

    @Test func sha256MatchesAKnownAnswer() {
        #expect(DocumentInspection.sha256Hex(Array("abc".utf8))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func oneByteOverTheLimitIsRefused() {
        let result = DocumentInspection.inspect(Self.pdf(size: 819_201), against: Self.diploma)
        #expect(result == .failure(.tooLarge(sizeBytes: 819_201, maximumBytes: 819_200)))
    }

    @Test func aJPEGDisguisedAsPDFIsRefused() {
        // Whatever the file was called ("ijazah.pdf") or declared as, the bytes are a JPEG.
        let result = DocumentInspection.inspect(Self.jpeg, against: Self.diploma)
        #expect(result == .failure(.wrongFormat(detected: .jpeg, accepted: [.pdf])))
        #expect(DocumentRejection.wrongFormat(detected: .jpeg, accepted: [.pdf]).issue.code == "document-format")
    }

    @Test func unknownBytesAndEmptyFilesAreRefused() {
        #expect(DocumentInspection.inspect(Array("MZ\u{90}executable".utf8), against: Self.photo)
            == .failure(.wrongFormat(detected: nil, accepted: [.jpeg])))
        #expect(DocumentInspection.inspect([UInt8](), against: Self.photo) == .failure(.empty))
    }

    @Test func aTruncatedPDFIsRefused() {
        let cut = Array(Self.pdf(size: 10_000).dropLast(8))
        #expect(DocumentInspection.inspect(cut, against: Self.diploma) == .failure(.truncatedPDF))
    }

    @Test func detectsFormatsByMagicBytes() {
        #expect(DocumentInspection.format(of: Self.jpeg) == .jpeg)
        #expect(DocumentInspection.format(of: Self.pdf(size: 100)) == .pdf)
        #expect(DocumentInspection.format(of: [0, 0, 0, 0x18] + Array("ftypmp42".utf8)) == .mp4)
        #expect(DocumentInspection.format(of: Array("%PD".utf8)) == nil)
    }

    @Test func requirementsApplyByFormationKind() {
        let doctor = RequiredDocument(code: "dokter", type: .suratKeteranganDokter, label: "Surat dokter",
                                      acceptedFormats: [.pdf], maximumSizeBytes: 1, mandatory: true,
                                      formationKinds: [.disabilitas])
        #expect(doctor.applies(to: .disabilitas))
        #expect(!doctor.applies(to: .umum))
        #expect(Self.diploma.applies(to: .cumlaude))
    }
}

@Suite struct SubmissionRulesTests {
    static let required = [
        DocumentInspectionTests.diploma, DocumentInspectionTests.photo,
        RequiredDocument(code: "dokter", type: .suratKeteranganDokter, label: "Surat dokter", acceptedFormats: [.pdf],
                         maximumSizeBytes: 1000, mandatory: true, formationKinds: [.disabilitas]),
    ]
    static let request = SubmissionRequest(education: EligibilityTests.education, academicGrade: EligibilityTests.grade)
    static let now = EligibilityTests.instant("2024-09-01T00:00:00Z")

    static func document(_ code: String, _ type: DocumentType) -> CurrentDocument {
        CurrentDocument(documentId: UUID(), requirementCode: code, type: type, sha256: String(repeating: "a", count: 64))
    }

    @Test func everyMandatoryDocumentOfTheKindMustBeThere() {
        let issues = SubmissionRules.check(
            Self.request, formation: EligibilityTests.formation, requiredDocuments: Self.required,
            birthDate: CalendarDate("1995-07-05")!, documents: [Self.document("ijazah", .ijazah)], now: Self.now)
        // The doctor's letter applies to disabilitas formations only.
        #expect(issues.map(\.field) == ["documents.pas-foto"])
        #expect(issues.map(\.code) == ["document-missing"])
    }

    @Test func aCompleteEligibleApplicationPassesAndListsItsDocumentsInOrder() {
        let documents = [Self.document("pas-foto", .pasFoto), Self.document("ijazah", .ijazah)]
        let issues = SubmissionRules.check(
            Self.request, formation: EligibilityTests.formation, requiredDocuments: Self.required,
            birthDate: CalendarDate("1995-07-05")!, documents: documents, now: Self.now)
        #expect(issues.isEmpty)
        let submitted = SubmissionRules.submittedDocuments(documents, requiredDocuments: Self.required, kind: .umum)
        #expect(submitted.map(\.requirementCode) == ["ijazah", "pas-foto"])
    }
}

@Suite struct DecodedDocumentMemoTests {
    @Test func aChangedDocumentIsDecodedAfresh() throws {
        let memo = DecodedDocumentMemo<RequiredDocument>(capacity: 2)
        let text = #"{"acceptedFormats":["application/pdf"],"code":"ijazah","label":"Ijazah","mandatory":true,"maximumSizeBytes":819200,"type":"ijazah"}"#
        #expect(try memo.decode(text).maximumSizeBytes == 819_200)
        #expect(try memo.decode(text).maximumSizeBytes == 819_200)
        let changed = text.replacingOccurrences(of: "819200", with: "512000")
        #expect(try memo.decode(changed).maximumSizeBytes == 512_000)
        // Over capacity the memo starts again and still answers correctly.
        #expect(try memo.decode(text.replacingOccurrences(of: "Ijazah", with: "Diploma")).label == "Diploma")
        #expect(try memo.decode(text).label == "Ijazah")
    }
}
