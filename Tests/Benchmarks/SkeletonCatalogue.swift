import Foundation
import SuiteHarness

/// The selection the walking-skeleton benchmark submits into: one open period with two formations, one for warming
/// up and one measured.
struct SkeletonCatalogue {
    var periodId: String
    var warmUpFormation: UUID
    var measuredFormation: UUID

    /// Creates the period and formations through the registration admin API, as the initial administrator.
    static func create(with journey: RegistrationJourney) async throws -> SkeletonCatalogue {
        let (periodId, ids) = try await BenchRegistration.openSelection(
            journey, positions: ["Analis Kebijakan Ahli Pertama", "Pranata Komputer Ahli Pertama"])
        let formations = ids.compactMap(UUID.init(uuidString:))
        guard formations.count == 2 else {
            throw BenchError.unexpectedResponse("creating the formations", status: 201, body: "\(ids)")
        }
        return SkeletonCatalogue(periodId: periodId, warmUpFormation: formations[0], measuredFormation: formations[1])
    }
}
