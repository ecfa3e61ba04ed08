import ExamScoringRules
import Foundation
import RecruitmentEvents

/// `POST /v1/sessions`: a CAT session at a test site (DOMAIN §1.6).
struct ScheduleSessionRequest: Decodable, Sendable {
    var periodId: UUID
    var stage: ExamStage
    var site: ExamSite
    var label: String
    var startsAt: Date
    var durationMinutes: Int?
    var capacity: Int
}

/// `POST /v1/sessions/{id}/reschedule`.
struct RescheduleSessionRequest: Decodable, Sendable {
    var startsAt: Date
    var reason: String
}

/// `POST /v1/periods/{id}/seating`: seat every candidate of the period who may sit `stage` and has no seat yet.
struct SeatingRequest: Decodable, Sendable {
    var stage: ExamStage
}

/// `POST /v1/exam-packages`: an SKD package's answer key (confidential).
struct CreatePackageRequest: Decodable, Sendable {
    var periodId: UUID
    var code: String
    var answerKey: SkdAnswerKey
}
