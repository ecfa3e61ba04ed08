import Foundation
import RecruitmentEvents

/// A row of a formation: formation index and row index into ``OptimisationState/formations``.
struct OptimisationRowReference: Hashable {
    /// The formation's index.
    var formation: Int
    /// The row's index in the formation's list.
    var row: Int
}

/// The working state of ``Optimisation/fill(_:)``.
struct OptimisationState {
    /// The formations, rows updated as applicants move.
    private(set) var formations: [FormationOutcome]
    /// Formation indices in processing order.
    private let order: [Int]
    /// Per formation index: the post it fills, for either step.
    private let posts: [OptimisationPostKey]
    /// Formation indices of each post, in processing order.
    private let formationsByPost: [OptimisationPostKey: [Int]]
    /// Posts taken per formation id.
    private var filled: [UUID: Int] = [:]
    /// Applicants that already pass (P/L, P/L-1, P/L-2) or have moved.
    private var unavailable: Set<UUID> = []

    init(_ formations: [FormationOutcome]) {
        self.formations = formations
        order = formations.indices.sorted { lhs, rhs in
            let left = formations[lhs], right = formations[rhs]
            let leftKey = [left.positionName, left.placement, left.unitName, left.kind.rawValue]
            let rightKey = [right.positionName, right.placement, right.unitName, right.kind.rawValue]
            if leftKey != rightKey { return leftKey.lexicographicallyPrecedes(rightKey) }
            return left.formationId.uuidString < right.formationId.uuidString
        }
        let posts = formations.map(OptimisationPostKey.init)
        self.posts = posts
        formationsByPost = Dictionary(grouping: order) { posts[$0] }
        for formation in formations {
            for row in formation.rows where Self.passingCodes.contains(row.code) {
                filled[row.placedFormationId ?? formation.formationId, default: 0] += 1
                unavailable.insert(row.applicantId)
            }
        }
    }

    /// The codes that take a post.
    private static let passingCodes: Set<FinalResultCode> = [.passed, .passedAfterKindMove, .passedAfterLocationMove]

    /// Step 1 (P/L-1): empty posts of non-umum formations to the umum formation of the same post, unit, placement and
    /// education, in rank order, tied ranks together or not at all.
    mutating func moveBetweenKinds() {
        for target in order where formations[target].kind != .umum {
            let site = [formations[target].unitName, formations[target].placement]
            let sameSite = formationsByPost[posts[target], default: []].filter {
                [formations[$0].unitName, formations[$0].placement] == site
            }
            // The non-umum formations of one site pool their posts: handle the site once, at its first one.
            guard sameSite.first(where: { formations[$0].kind != .umum }) == target else { continue }
            let slots = sameSite.filter { formations[$0].kind != .umum }.flatMap { index in
                Array(repeating: formations[index].formationId, count: emptyPosts(of: index))
            }
            let pool = candidates(in: sameSite.filter { formations[$0].kind == .umum }).sorted { lhs, rhs in
                let left = row(lhs), right = row(rhs)
                if left.rank != right.rank { return (left.rank ?? .max) < (right.rank ?? .max) }
                return Self.better(left, right)
            }
            var next = 0
            for tied in Self.tiedGroups(pool, rows: row) {
                guard next + tied.count <= slots.count else { break }
                for reference in tied {
                    move(reference, to: slots[next], code: .passedAfterKindMove)
                    next += 1
                }
            }
        }
    }

    /// Step 2 (P/L-2): remaining empty posts to the best P/TL rows of the same post and education elsewhere.
    mutating func moveBetweenLocations() {
        for target in order {
            let empty = emptyPosts(of: target)
            guard empty > 0 else { continue }
            let sources = formationsByPost[posts[target], default: []].filter { index in
                formations[index].placement != formations[target].placement
                    || formations[index].unitName != formations[target].unitName
            }
            let pool = candidates(in: sources).sorted { Self.better(row($0), row($1)) }
            for reference in pool.prefix(empty) {
                move(reference, to: formations[target].formationId, code: .passedAfterLocationMove)
            }
        }
    }

    /// Quota minus the posts taken, never negative.
    private func emptyPosts(of index: Int) -> Int {
        max(0, formations[index].quota - filled[formations[index].formationId, default: 0])
    }

    /// The P/TL rows of the formations that may still move.
    private func candidates(in sources: [Int]) -> [OptimisationRowReference] {
        sources.flatMap { formation in
            formations[formation].rows.indices.compactMap { index in
                let row = formations[formation].rows[index]
                guard row.code == .notWithinQuota, row.rank != nil, row.placedFormationId == nil,
                      !unavailable.contains(row.applicantId)
                else { return nil }
                return OptimisationRowReference(formation: formation, row: index)
            }
        }
    }

    private func row(_ reference: OptimisationRowReference) -> FinalResultRow {
        formations[reference.formation].rows[reference.row]
    }

    private mutating func move(_ reference: OptimisationRowReference, to target: UUID, code: FinalResultCode) {
        formations[reference.formation].rows[reference.row].code = code
        formations[reference.formation].rows[reference.row].placedFormationId = target
        filled[target, default: 0] += 1
        unavailable.insert(row(reference).applicantId)
    }

    /// Consecutive references of the same formation and rank (fully tied rows).
    private static func tiedGroups(
        _ pool: [OptimisationRowReference], rows: (OptimisationRowReference) -> FinalResultRow
    ) -> [[OptimisationRowReference]] {
        var groups: [[OptimisationRowReference]] = []
        for reference in pool {
            if let last = groups.last?.last, last.formation == reference.formation,
               rows(last).rank == rows(reference).rank {
                groups[groups.count - 1].append(reference)
            } else {
                groups.append([reference])
            }
        }
        return groups
    }

    /// "Best" across formations: integrated score, SKD total, TKP, TIU, TWK (higher first; missing last), then
    /// participant number and application id.
    static func better(_ lhs: FinalResultRow, _ rhs: FinalResultRow) -> Bool {
        if lhs.integratedScore != rhs.integratedScore {
            guard let left = lhs.integratedScore else { return false }
            guard let right = rhs.integratedScore else { return true }
            return left > right
        }
        let left = lhs.skdScores.map { [$0.total, $0.tkp, $0.tiu, $0.twk] } ?? []
        let right = rhs.skdScores.map { [$0.total, $0.tkp, $0.tiu, $0.twk] } ?? []
        if left != right { return right.lexicographicallyPrecedes(left) }
        if lhs.participantNumber != rhs.participantNumber { return lhs.participantNumber < rhs.participantNumber }
        return lhs.applicationId.uuidString < rhs.applicationId.uuidString
    }
}

/// What makes two formations the same post for optimisation (DOMAIN §1.9): position name and the set of education
/// requirements, majors compared as sets. A move between kinds also needs the same unit and placement.
struct OptimisationPostKey: Hashable {
    /// The post.
    var positionName: String
    /// The education, order-insensitive.
    var education: Set<OptimisationEducationKey>

    init(_ formation: FormationOutcome) {
        positionName = formation.positionName
        education = Set(formation.educationRequirements.map {
            OptimisationEducationKey(level: $0.level, majors: Set($0.majors))
        })
    }
}

/// One education requirement with its majors as a set.
struct OptimisationEducationKey: Hashable {
    /// The level.
    var level: EducationLevel
    /// The majors; empty = any major of the level.
    var majors: Set<String>
}
