import Foundation
import RecruitmentEvents

/// What an administrator submits to open a selection period (`POST /v1/admin/periods`).
struct SelectionPeriodRequest: Decodable, Sendable {
    var agencyName: String
    var agencyCode: String?
    var name: String
    var program: SelectionProgram
    var fiscalYear: Int
    /// IANA time zone of the agency, e.g. `Asia/Makassar` (WITA) for Kupang.
    var timeZone: String
    var registrationOpensAt: Date
    var registrationClosesAt: Date
    /// Omitted: the national list of DOMAIN.md §1.3.
    var requiredDocuments: [RequiredDocument]?
    var legalBasis: [String]?
}

/// `POST /v1/admin/periods/{periodId}/deadline-extensions`: a later deadline and its public reason.
struct DeadlineExtensionRequest: Codable, Sendable {
    var registrationClosesAt: Date
    var reason: String
}

/// The rules for opening a period. Pure.
enum SelectionPeriodRules {
    /// The largest per-document limit a period may set (10 MiB): also the ceiling on any upload's body.
    static let maximumDocumentBytes = 10 * 1024 * 1024

    /// The documents and limits reported for 2019, 2021 and 2024 (DOMAIN.md §1.3).
    static let nationalDocuments: [RequiredDocument] = [
        RequiredDocument(code: "pas-foto", type: .pasFoto, label: "Pas foto latar merah", acceptedFormats: [.jpeg],
                         maximumSizeBytes: 200 * 1024, mandatory: true),
        RequiredDocument(code: "swafoto", type: .swafoto, label: "Swafoto", acceptedFormats: [.jpeg],
                         maximumSizeBytes: 200 * 1024, mandatory: true),
        RequiredDocument(code: "ktp", type: .ktp, label: "KTP", acceptedFormats: [.jpeg],
                         maximumSizeBytes: 200 * 1024, mandatory: true),
        RequiredDocument(code: "surat-lamaran", type: .suratLamaran, label: "Surat lamaran", acceptedFormats: [.pdf],
                         maximumSizeBytes: 300 * 1024, mandatory: true),
        RequiredDocument(code: "ijazah", type: .ijazah, label: "Ijazah", acceptedFormats: [.pdf],
                         maximumSizeBytes: 800 * 1024, mandatory: true),
        RequiredDocument(code: "transkrip-nilai", type: .transkripNilai, label: "Transkrip nilai",
                         acceptedFormats: [.pdf], maximumSizeBytes: 500 * 1024, mandatory: true),
    ]

    static func validate(_ request: SelectionPeriodRequest, periodId: UUID)
        -> Result<SelectionPeriodOpenedV1, RegistrationValidationError>
    {
        var issues: [RegistrationIssue] = []
        func text(_ value: String, _ field: String, max: Int) -> String {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { issues.append(.init(field: field, code: "required", message: "\(field) is required")) }
            if trimmed.count > max { issues.append(.init(field: field, code: "too-long", message: "at most \(max) characters")) }
            return trimmed
        }
        let agency = text(request.agencyName, "agencyName", max: 200)
        let name = text(request.name, "name", max: 200)
        if let code = request.agencyCode, code.count > 32 {
            issues.append(.init(field: "agencyCode", code: "too-long", message: "at most 32 characters"))
        }
        if !(2000...2100).contains(request.fiscalYear) {
            issues.append(.init(field: "fiscalYear", code: "range", message: "a year from 2000 to 2100"))
        }
        if TimeZone(identifier: request.timeZone) == nil {
            issues.append(.init(field: "timeZone", code: "time-zone",
                                message: "an IANA time zone such as Asia/Makassar (WITA) or Asia/Jakarta (WIB)"))
        }
        if request.registrationClosesAt <= request.registrationOpensAt {
            issues.append(.init(field: "registrationClosesAt", code: "order",
                                message: "registration must close after it opens"))
        }
        let documents = request.requiredDocuments ?? nationalDocuments
        var codes = Set<String>()
        for (index, document) in documents.enumerated() {
            let field = "requiredDocuments[\(index)]"
            if document.code.isEmpty || document.code.count > 64 || !codes.insert(document.code).inserted {
                issues.append(.init(field: field + ".code", code: "unique-code", message: "a unique code of 1-64 characters"))
            }
            if document.acceptedFormats.isEmpty {
                issues.append(.init(field: field + ".acceptedFormats", code: "required", message: "at least one format"))
            } else if document.acceptedFormats.contains(where: { !$0.isUploadable }) {
                issues.append(.init(field: field + ".acceptedFormats", code: "upload-format",
                                    message: "uploads can only be JPEG, PDF or MP4"))
            }
            if !(1...Self.maximumDocumentBytes).contains(document.maximumSizeBytes) {
                issues.append(.init(field: field + ".maximumSizeBytes", code: "range", message: "1 byte to 10 MiB"))
            }
        }
        guard issues.isEmpty else { return .failure(RegistrationValidationError(issues: issues)) }
        return .success(SelectionPeriodOpenedV1(
            periodId: periodId, agencyName: agency, agencyCode: request.agencyCode, name: name,
            program: request.program, fiscalYear: request.fiscalYear, timeZone: request.timeZone,
            registrationOpensAt: request.registrationOpensAt, registrationClosesAt: request.registrationClosesAt,
            requiredDocuments: documents, legalBasis: request.legalBasis ?? []))
    }
}
