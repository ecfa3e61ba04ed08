public import Foundation

/// A formation (formasi: one post at one unit and placement, of one kind, with a quota) was published for a period.
///
/// Sources: DOMAIN §1.1 (announcement contents: unit, post, education, number needed, placement, salary; kinds of need;
/// extra SKB tests with their weights and elimination criteria; age 18–35). Publishing the same ``formationId`` again
/// replaces the earlier definition (a correction); consumers upsert.
public struct FormationPublishedV1: RecruitmentEvent {
    public static let eventType = "asn.registration.formation-published.v1"
    public static let topic = RecruitmentTopic.registration

    /// The formation's id.
    public var formationId: UUID
    /// The period it belongs to.
    public var periodId: UUID
    /// The post (jabatan), e.g. "Pranata Komputer Ahli Pertama".
    public var positionName: String
    /// The work unit (unit kerja).
    public var unitName: String
    /// The planned placement / location (lokasi formasi).
    public var placement: String
    /// The kind of need (umum, cumlaude, disabilitas, …).
    public var kind: FormationKind
    /// The number of posts; the SKB takes up to 3 × quota (DOMAIN §3.1).
    public var quota: Int
    /// Accepted education levels and majors.
    public var educationRequirements: [EducationRequirement]
    /// Age limits at the time of applying.
    public var ageLimit: AgeLimit
    /// The SKB components and weights (CAT first); empty if not yet announced.
    public var skbComponents: [SkbComponentWeight]
    /// Announced elimination criteria of the extra SKB tests, if any.
    public var eliminationCriteria: [String]
    /// The announced salary range, if any.
    public var salaryRange: SalaryRange?

    /// Creates the value; each parameter is the property of the same name.
    public init(
        formationId: UUID,
        periodId: UUID,
        positionName: String,
        unitName: String,
        placement: String,
        kind: FormationKind,
        quota: Int,
        educationRequirements: [EducationRequirement],
        ageLimit: AgeLimit,
        skbComponents: [SkbComponentWeight],
        eliminationCriteria: [String],
        salaryRange: SalaryRange? = nil
    ) {
        self.formationId = formationId
        self.periodId = periodId
        self.positionName = positionName
        self.unitName = unitName
        self.placement = placement
        self.kind = kind
        self.quota = quota
        self.educationRequirements = educationRequirements
        self.ageLimit = ageLimit
        self.skbComponents = skbComponents
        self.eliminationCriteria = eliminationCriteria
        self.salaryRange = salaryRange
    }

    /// Partition key: the period id, so formations follow their period.
    public var partitionKey: String { periodId.eventKey }

    /// Subject: `formation/<formation id>`.
    public var subject: String { "formation/\(formationId.eventKey)" }
}

extension FormationPublishedV1 {
    public static var example: Self {
        FormationPublishedV1(
            formationId: CatalogueExamples.formationId,
            periodId: CatalogueExamples.periodId,
            positionName: "Pranata Komputer Ahli Pertama",
            unitName: "Dinas Komunikasi dan Informatika Kota Kupang",
            placement: "Bidang Aplikasi Informatika, Dinas Komunikasi dan Informatika Kota Kupang",
            kind: .umum,
            quota: 1,
            educationRequirements: [
                EducationRequirement(level: .s1, majors: ["Teknik Informatika", "Ilmu Komputer", "Sistem Informasi"]),
            ],
            ageLimit: AgeLimit(minimumYears: 18, maximumYears: 35),
            skbComponents: [
                SkbComponentWeight(component: .cat, weightPercent: ExactDecimal(70)),
                SkbComponentWeight(component: .praktikKerja, weightPercent: ExactDecimal(30)),
            ],
            eliminationCriteria: ["Peserta yang tidak hadir pada praktik kerja dinyatakan gugur."],
            salaryRange: SalaryRange(currency: "IDR", minimum: 2_785_700, maximum: 4_575_200)
        )
    }
}
