import Crypto
import Foundation
import RecruitmentEvents
import ServiceKit

/// An uploaded file that passed inspection: its real format (from the magic bytes), size and SHA-256.
struct InspectedDocument: Sendable, Equatable {
    var format: DocumentFormat
    var sizeBytes: Int
    /// Lowercase hex.
    var sha256: String
}

/// Why an upload was refused.
enum DocumentRejection: Error, Equatable {
    case empty
    case tooLarge(sizeBytes: Int, maximumBytes: Int)
    /// The bytes are not any accepted format, whatever the name or declared type said.
    case wrongFormat(detected: DocumentFormat?, accepted: [DocumentFormat])
    /// A PDF without its end-of-file marker: the upload was cut off or the file is damaged.
    case truncatedPDF

    var issue: RegistrationIssue {
        switch self {
        case .empty:
            return .init(field: "body", code: "document-empty", message: "the file is empty")
        case .tooLarge(let size, let maximum):
            return .init(field: "body", code: "document-too-large",
                         message: "the file has \(size) bytes; this document may have at most \(maximum) bytes (\(maximum / 1024) KB)")
        case .wrongFormat(let detected, let accepted):
            let wanted = accepted.map(DocumentInspection.label).joined(separator: " or ")
            let found = detected.map { "a \(DocumentInspection.label($0)) file" } ?? "not a file of an accepted type"
            return .init(field: "body", code: "document-format",
                         message: "this document must be \(wanted); the content is \(found) (the file name and declared type are not trusted)")
        case .truncatedPDF:
            return .init(field: "body", code: "document-damaged",
                         message: "the PDF has no end-of-file marker: the file is damaged or was cut off")
        }
    }
}

/// Checks uploads by their content, never by their name or declared media type (ARCHITECTURE §6): the format from the
/// magic bytes, the size against the period's limit for the requirement (DOMAIN §1.3), and the SHA-256 that travels in
/// the event so verifiers can prove they saw the same bytes.
enum DocumentInspection {
    static func inspect(_ bytes: some Collection<UInt8>, against requirement: RequiredDocument)
        -> Result<InspectedDocument, DocumentRejection>
    {
        guard !bytes.isEmpty else { return .failure(.empty) }
        guard bytes.count <= requirement.maximumSizeBytes else {
            return .failure(.tooLarge(sizeBytes: bytes.count, maximumBytes: requirement.maximumSizeBytes))
        }
        let detected = format(of: bytes)
        guard let detected, requirement.acceptedFormats.contains(detected) else {
            return .failure(.wrongFormat(detected: detected, accepted: requirement.acceptedFormats))
        }
        if detected == .pdf, !hasPDFTrailer(bytes) { return .failure(.truncatedPDF) }
        return .success(InspectedDocument(format: detected, sizeBytes: bytes.count, sha256: sha256Hex(bytes)))
    }

    /// The format the first bytes announce: JPEG (`FF D8 FF`), PDF (`%PDF-`), MP4 (`ftyp` box at offset 4).
    static func format(of bytes: some Collection<UInt8>) -> DocumentFormat? {
        let head = Array(bytes.prefix(12))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.count >= 8, Array(head[4..<8]) == Array("ftyp".utf8) { return .mp4 }
        return nil
    }

    /// Whether `%%EOF` appears in the last 2 KiB (writers may append a newline or a few bytes after it).
    static func hasPDFTrailer(_ bytes: some Collection<UInt8>) -> Bool {
        let tail = Array(bytes.suffix(2048))
        let marker = Array("%%EOF".utf8)
        guard tail.count >= marker.count else { return false }
        for start in stride(from: tail.count - marker.count, through: 0, by: -1)
            where tail[start..<start + marker.count].elementsEqual(marker) { return true }
        return false
    }

    static func sha256Hex(_ bytes: some Collection<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(bytes))
        return hasher.finalize().lowercaseHex
    }

    static func label(_ format: DocumentFormat) -> String {
        switch format {
        case .jpeg: "JPEG"
        case .pdf: "PDF"
        case .mp4: "MP4"
        case .json: "JSON"
        }
    }
}

extension RequiredDocument {
    /// Whether applicants of `kind` must (or may) upload this document: no kinds listed means every formation.
    func applies(to kind: FormationKind) -> Bool {
        formationKinds.map { $0.contains(kind) } ?? true
    }
}
