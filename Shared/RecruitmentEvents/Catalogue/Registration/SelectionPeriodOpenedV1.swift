public import Foundation

/// An agency opened a selection period (one CPNS or PPPK round) for registration.
///
/// Sources: DOMAIN §1 (stages and the 2024 timeline), §1.2 (one account and one formation per period), §1.3 (documents
/// and
/// limits), §6.1 (Kupang is WITA, UTC+8; national deadlines are stated in WIB). Every instant is UTC; ``timeZone`` is
/// for
/// display only.
public struct SelectionPeriodOpenedV1: RecruitmentEvent {
    public static let eventType = "asn.registration.selection-period-opened.v1"
    public static let topic = RecruitmentTopic.registration

    /// The period's id; formations, applications and results refer to it.
    public var periodId: UUID
    /// The hiring agency (instansi), e.g. "Pemerintah Kota Kupang".
    public var agencyName: String
    /// The agency's code in the national system, if known (format [UNCONFIRMED]).
    public var agencyCode: String?
    /// The period's public name.
    public var name: String
    /// CPNS or PPPK.
    public var program: SelectionProgram
    /// The fiscal year of the formations (tahun anggaran), e.g. 2024.
    public var fiscalYear: Int
    /// IANA time zone the agency displays times in, e.g. `Asia/Makassar` (WITA).
    public var timeZone: String
    /// When registration opens (UTC).
    public var registrationOpensAt: Date
    /// The submission deadline (UTC), e.g. 23:59 WIB = 16:59Z; extensions come as ``RegistrationDeadlineExtendedV1``.
    public var registrationClosesAt: Date
    /// The documents to upload, with formats and size limits.
    public var requiredDocuments: [RequiredDocument]
    /// Regulations the announcement cites, e.g. "PermenPANRB 6/2024" (DOMAIN §0).
    public var legalBasis: [String]
    /// The planned appointment date (TMT), if announced; it moved twice in 2024 (DOMAIN §5.5).
    public var plannedAppointmentDate: CalendarDate?

    /// Creates the value; each parameter is the property of the same name.
    public init(
        periodId: UUID,
        agencyName: String,
        agencyCode: String? = nil,
        name: String,
        program: SelectionProgram,
        fiscalYear: Int,
        timeZone: String,
        registrationOpensAt: Date,
        registrationClosesAt: Date,
        requiredDocuments: [RequiredDocument],
        legalBasis: [String],
        plannedAppointmentDate: CalendarDate? = nil
    ) {
        self.periodId = periodId
        self.agencyName = agencyName
        self.agencyCode = agencyCode
        self.name = name
        self.program = program
        self.fiscalYear = fiscalYear
        self.timeZone = timeZone
        self.registrationOpensAt = registrationOpensAt
        self.registrationClosesAt = registrationClosesAt
        self.requiredDocuments = requiredDocuments
        self.legalBasis = legalBasis
        self.plannedAppointmentDate = plannedAppointmentDate
    }

    /// Partition key: the period id, so a period and its formations stay ordered.
    public var partitionKey: String { periodId.eventKey }

    /// Subject: `period/<period id>`.
    public var subject: String { "period/\(periodId.eventKey)" }
}

extension SelectionPeriodOpenedV1 {
    public static var example: Self {
        let pdf = [DocumentFormat.pdf]
        let jpeg = [DocumentFormat.jpeg]
        return SelectionPeriodOpenedV1(
            periodId: CatalogueExamples.periodId,
            agencyName: CatalogueExamples.agencyName,
            name: "Seleksi CPNS Pemerintah Kota Kupang Tahun Anggaran 2024",
            program: .cpns,
            fiscalYear: 2024,
            timeZone: "Asia/Makassar",
            registrationOpensAt: CatalogueExamples.instant("2024-08-19T17:00:00.000Z"),
            registrationClosesAt: CatalogueExamples.instant("2024-09-06T16:59:00.000Z"),
            requiredDocuments: [
                RequiredDocument(
                    code: "pas-foto",
                    type: .pasFoto,
                    label: "Pas foto latar merah",
                    acceptedFormats: jpeg,
                    maximumSizeBytes: 204_800,
                    mandatory: true
                ),
                RequiredDocument(
                    code: "swafoto",
                    type: .swafoto,
                    label: "Swafoto",
                    acceptedFormats: jpeg,
                    maximumSizeBytes: 204_800,
                    mandatory: true
                ),
                RequiredDocument(
                    code: "ktp",
                    type: .ktp,
                    label: "KTP",
                    acceptedFormats: jpeg,
                    maximumSizeBytes: 204_800,
                    mandatory: true
                ),
                RequiredDocument(
                    code: "surat-lamaran",
                    type: .suratLamaran,
                    label: "Surat lamaran",
                    acceptedFormats: pdf,
                    maximumSizeBytes: 307_200,
                    mandatory: true
                ),
                RequiredDocument(
                    code: "ijazah",
                    type: .ijazah,
                    label: "Ijazah asli",
                    acceptedFormats: pdf,
                    maximumSizeBytes: 819_200,
                    mandatory: true
                ),
                RequiredDocument(
                    code: "transkrip-nilai",
                    type: .transkripNilai,
                    label: "Transkrip nilai",
                    acceptedFormats: pdf,
                    maximumSizeBytes: 512_000,
                    mandatory: true
                ),
                RequiredDocument(
                    code: "surat-keterangan-dokter",
                    type: .suratKeteranganDokter,
                    label: "Surat keterangan dokter",
                    acceptedFormats: pdf,
                    maximumSizeBytes: 819_200,
                    mandatory: true,
                    formationKinds: [.disabilitas]
                ),
            ],
            legalBasis: ["PermenPANRB 6/2024", "KepmenPANRB 321/2024"],
            plannedAppointmentDate: CatalogueExamples.date("2025-03-01")
        )
    }
}
