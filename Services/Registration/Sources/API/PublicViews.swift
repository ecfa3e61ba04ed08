import Foundation
import RecruitmentEvents
import ServiceKit

/// A selection period as the public API shows it: instants in UTC, plus the agency's local time and WIB.
struct PeriodView: Codable, Sendable {
    var periodId: UUID
    var agencyName: String
    var agencyCode: String?
    var name: String
    var program: SelectionProgram
    var fiscalYear: Int
    var timeZone: String
    var registrationOpensAt: Date
    var registrationClosesAt: Date
    var registrationOpensAtLocal: String
    var registrationClosesAtLocal: String
    var registrationOpensAtWIB: String
    var registrationClosesAtWIB: String
    /// `upcoming`, `open` or `closed` at the time of the response.
    var registrationStatus: String
    var requiredDocuments: [RequiredDocument]
    var legalBasis: [String]

    init(_ event: SelectionPeriodOpenedV1, now: Date) {
        let zone = TimeZone(identifier: event.timeZone) ?? TimeDisplay.wib
        periodId = event.periodId
        agencyName = event.agencyName
        agencyCode = event.agencyCode
        name = event.name
        program = event.program
        fiscalYear = event.fiscalYear
        timeZone = event.timeZone
        registrationOpensAt = event.registrationOpensAt
        registrationClosesAt = event.registrationClosesAt
        registrationOpensAtLocal = TimeDisplay.local(event.registrationOpensAt, in: zone)
        registrationClosesAtLocal = TimeDisplay.local(event.registrationClosesAt, in: zone)
        registrationOpensAtWIB = TimeDisplay.local(event.registrationOpensAt, in: TimeDisplay.wib)
        registrationClosesAtWIB = TimeDisplay.local(event.registrationClosesAt, in: TimeDisplay.wib)
        registrationStatus = now < event.registrationOpensAt ? "upcoming"
            : now < event.registrationClosesAt ? "open" : "closed"
        requiredDocuments = event.requiredDocuments
        legalBasis = event.legalBasis
    }
}

/// The answer to a successful registration: what the applicant needs for the registration card.
struct RegistrationReceipt: Codable, Sendable {
    var applicantId: UUID
    var applicationId: UUID
    var registrationNumber: String
    var periodId: UUID
    var formationId: UUID
    var fullName: String
    var submittedAt: Date
    /// Accepted findings the applicant should know about (e.g. NIK and birth date disagree).
    var warnings: [FieldIssue]
}

/// A page of a cursor-paginated list.
struct Page<Item: Codable & Sendable>: Codable, Sendable {
    var items: [Item]
    var nextCursor: String?
}
