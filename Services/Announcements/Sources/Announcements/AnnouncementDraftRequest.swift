import Foundation
import RecruitmentEvents
import ServiceKit

/// What an announcer asks to draft (`POST /internal/v1/announcements/drafts`): the kind and its scope, the letter's
/// number, title and date, free text for kinds without result rows, and the announcement a correction corrects.
struct AnnouncementDraftRequest: Codable, Sendable, Equatable {
    var kind: AnnouncementKind
    var periodId: UUID?
    var formationId: UUID?
    /// For an exam schedule: SKD or SKB (both when absent).
    var stage: ExamStage?
    /// The official letter number, e.g. `800/415/BKPSDM/IX/2024`; unique among published announcements.
    var number: String
    var title: String
    /// The date printed on the letter; today in WITA when absent.
    var dated: CalendarDate?
    /// The announcement's text (required for kinds that carry no result rows, optional otherwise).
    var text: String?
    /// The published announcement this one corrects (ralat).
    var correctsAnnouncementId: UUID?

    init(kind: AnnouncementKind, periodId: UUID? = nil, formationId: UUID? = nil, stage: ExamStage? = nil,
         number: String, title: String, dated: CalendarDate? = nil, text: String? = nil,
         correctsAnnouncementId: UUID? = nil)
    {
        self.kind = kind
        self.periodId = periodId
        self.formationId = formationId
        self.stage = stage
        self.number = number
        self.title = title
        self.dated = dated
        self.text = text
        self.correctsAnnouncementId = correctsAnnouncementId
    }
}

/// Which read model an announcement kind is drawn from, and so what its request must name.
enum AnnouncementScope: Equatable {
    /// Result rows of one formation (administrative, SKD or final results).
    case formation
    /// Rows about a whole period (its formations, its exam schedule).
    case period
    /// Text only (registration matters, appointment steps, anything else).
    case text

    init(_ kind: AnnouncementKind) {
        switch kind {
        case .administrativeResults, .administrativeResultsAfterObjection, .skdResults, .finalResults,
             .finalResultsAfterObjection, .optimisation:
            self = .formation
        case .formations, .examSchedule:
            self = .period
        case .registration, .appointment, .general:
            self = .text
        }
    }
}

extension AnnouncementDraftRequest {
    static let maximumTextCharacters = 20_000

    /// Every problem with the request at once, by field (empty when valid).
    var issues: [FieldIssue] {
        var issues: [FieldIssue] = []
        let number = number.trimmingCharacters(in: .whitespaces)
        if number.isEmpty || number.count > 100 || number.contains(where: \.isNewline) {
            issues.append(.init(field: "number", code: "length", message: "the letter number, 1-100 characters on one line"))
        }
        let title = title.trimmingCharacters(in: .whitespaces)
        if title.isEmpty || title.count > 300 || title.contains(where: \.isNewline) {
            issues.append(.init(field: "title", code: "length", message: "a title of 1-300 characters on one line"))
        }
        if let text, text.count > Self.maximumTextCharacters {
            issues.append(.init(field: "text", code: "length",
                                message: "at most \(Self.maximumTextCharacters) characters"))
        }
        switch AnnouncementScope(kind) {
        case .formation:
            if formationId == nil {
                issues.append(.init(field: "formationId", code: "required",
                                    message: "\(kind.rawValue) announces the results of one formation"))
            }
        case .period:
            if periodId == nil {
                issues.append(.init(field: "periodId", code: "required",
                                    message: "\(kind.rawValue) announces something about one period"))
            }
        case .text:
            if (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                issues.append(.init(field: "text", code: "required", message: "\(kind.rawValue) needs its text"))
            }
        }
        if stage != nil && kind != .examSchedule {
            issues.append(.init(field: "stage", code: "not-applicable", message: "only an exam schedule has a stage"))
        }
        return issues
    }
}
