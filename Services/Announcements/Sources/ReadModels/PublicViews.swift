import Foundation
import RecruitmentEvents

/// A selection period as the public sees it; times in UTC plus the agency's local time and WIB (DOMAIN §6.1).
struct PublicPeriod: Codable, Sendable, Equatable {
    var periodId: UUID
    var agencyName: String
    var agencyCode: String?
    var name: String
    var program: String
    var fiscalYear: Int
    var timeZone: String
    var registrationOpensAt: Date
    var registrationClosesAt: Date
    var registrationOpensAtLocal: String
    var registrationClosesAtLocal: String
    var registrationClosesAtWIB: String
    var legalBasis: [String]
}

/// A formation with its live applicant count.
struct PublicFormation: Codable, Sendable, Equatable {
    var formationId: UUID
    var periodId: UUID
    var positionName: String
    var unitName: String
    var placement: String
    var kind: String
    var quota: Int
    var educationRequirements: [EducationRequirement]
    var ageLimit: AgeLimit
    var skbComponents: [SkbComponentWeight]
    var salaryRange: SalaryRange?
    /// Applications standing now: submitted minus withdrawn.
    var applicants: Int
}

/// One application's administrative result as published (DOMAIN §1.4-1.5).
struct PublicAdministrativeRow: Codable, Sendable, Equatable {
    var registrationNumber: String
    var name: String
    /// MS or TMS.
    var outcome: AdministrativeOutcome
    /// Set when the result comes from an answered objection (an upheld one turned TMS into MS).
    var byObjection: Bool
    /// For TMS: the unmet requirements with their reason codes.
    var unmetRequirements: [PublicUnmetRequirement]
}

/// A formation's published administrative results: the publication in force and a page of rows.
struct PublicAdministrativeResults: Codable, Sendable {
    var formationId: UUID
    var periodId: UUID
    var round: AdministrativeAnnouncementRound
    var publishedAt: Date
    var objectionWindow: ObjectionWindow?
    var items: [PublicAdministrativeRow]
    var nextCursor: String?
}

/// A row of a published result list with the name printed beside the participant number.
struct PublicListRow<Row: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    var name: String?
    var registrationNumber: String?
    var row: Row

    enum CodingKeys: String, CodingKey { case name, registrationNumber }

    init(name: String?, registrationNumber: String?, row: Row) {
        self.name = name
        self.registrationNumber = registrationNumber
        self.row = row
    }

    // Flattened: the row's fields beside the name.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        registrationNumber = try container.decodeIfPresent(String.self, forKey: .registrationNumber)
        row = try Row(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        try row.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(registrationNumber, forKey: .registrationNumber)
    }
}

/// A formation's current result list of one stage (SKD ranking or final results) and a page of its rows.
struct PublicResultList<Row: Codable & Sendable & Equatable>: Codable, Sendable {
    var listId: UUID
    var formationId: UUID
    var periodId: UUID
    var formationKind: String
    var quota: Int
    var producedAt: Date
    var items: [PublicListRow<Row>]
    var nextCursor: String?
}

/// Per-formation statistics for open data (applicants, administrative, SKD and final outcomes).
struct FormationStatistics: Codable, Sendable, Equatable {
    var formationId: UUID
    var periodId: UUID
    var positionName: String
    var unitName: String
    var kind: String
    var quota: Int
    var applicants: Int
    var withdrawn: Int
    var administrativeMS: Int
    var administrativeTMS: Int
    /// SKD codes of the finalised ranking (0 until it is finalised).
    var skdPassedToSkb: Int
    var skdBelowPassingGrade: Int
    var skdAbsent: Int
    var skdDisqualified: Int
    /// Final codes of the latest final results: appointed (P/L, P/L-1, P/L-2).
    var finalPassed: Int
    var finalNotPassed: Int
}
