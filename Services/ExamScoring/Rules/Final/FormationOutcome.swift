public import Foundation
public import RecruitmentEvents

/// One formation's final list with what optimisation needs to match posts (DOMAIN §1.1, §1.9): the post, unit and
/// placement, the kind of need, the quota and the education requirements.
public struct FormationOutcome: Sendable, Hashable {
    /// The formation.
    public var formationId: UUID
    /// The post (jabatan), compared exactly.
    public var positionName: String
    /// The work unit, compared exactly.
    public var unitName: String
    /// The planned placement (location), compared exactly.
    public var placement: String
    /// The kind of need: umum or a special kind.
    public var kind: FormationKind
    /// The number of posts.
    public var quota: Int
    /// The accepted education; compared as a set, majors as sets (order-insensitive).
    public var educationRequirements: [EducationRequirement]
    /// The final rows, as ``FinalRanking/rank(_:quota:policy:ageOrder:)`` produced them.
    public var rows: [FinalResultRow]

    /// Creates the value; each parameter is the property of the same name.
    public init(
        formationId: UUID,
        positionName: String,
        unitName: String,
        placement: String,
        kind: FormationKind,
        quota: Int,
        educationRequirements: [EducationRequirement],
        rows: [FinalResultRow]
    ) {
        self.formationId = formationId
        self.positionName = positionName
        self.unitName = unitName
        self.placement = placement
        self.kind = kind
        self.quota = quota
        self.educationRequirements = educationRequirements
        self.rows = rows
    }
}
