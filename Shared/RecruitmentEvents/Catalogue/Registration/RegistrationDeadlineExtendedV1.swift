public import Foundation

/// The submission deadline of a period moved. Deadlines were extended in 2023 (portal outage) and 2024 (e-meterai
/// overload, 6 → 10 Sep 2024); DOMAIN §5.5, §6. The new deadline replaces
/// ``SelectionPeriodOpenedV1/registrationClosesAt``.
public struct RegistrationDeadlineExtendedV1: RecruitmentEvent {
    public static let eventType = "asn.registration.registration-deadline-extended.v1"
    public static let topic = RecruitmentTopic.registration

    /// The period.
    public var periodId: UUID
    /// The deadline before this change (UTC).
    public var previousClosesAt: Date
    /// The new deadline (UTC).
    public var registrationClosesAt: Date
    /// The public reason, as announced.
    public var reason: String

    /// Creates the value; each parameter is the property of the same name.
    public init(periodId: UUID, previousClosesAt: Date, registrationClosesAt: Date, reason: String) {
        self.periodId = periodId
        self.previousClosesAt = previousClosesAt
        self.registrationClosesAt = registrationClosesAt
        self.reason = reason
    }

    /// Partition key: the period id.
    public var partitionKey: String { periodId.eventKey }

    /// Subject: `period/<period id>`.
    public var subject: String { "period/\(periodId.eventKey)" }
}

extension RegistrationDeadlineExtendedV1 {
    public static var example: Self {
        RegistrationDeadlineExtendedV1(
            periodId: CatalogueExamples.periodId,
            previousClosesAt: CatalogueExamples.instant("2024-09-06T16:59:00.000Z"),
            registrationClosesAt: CatalogueExamples.instant("2024-09-10T16:59:00.000Z"),
            reason: "Perpanjangan pendaftaran karena layanan e-meterai Peruri tidak dapat diakses."
        )
    }
}
