import Foundation
import SuiteHarness

/// The selection the walking-skeleton benchmark registers into: one open period with two formations, one for
/// warming up and one measured.
struct SkeletonCatalogue {
    var periodId: String
    var warmUpFormation: UUID
    var measuredFormation: UUID

    /// Creates the period and formations through the registration admin API.
    static func create(on registration: String, adminToken: String) async throws -> SkeletonCatalogue {
        let admin = [("Authorization", "Bearer \(adminToken)")]
        let period = try await TestHTTP.post(
            "\(registration)/v1/admin/periods", json: TestApplicants.openPeriod(), headers: admin)
        guard period.status == 201, let periodId = period.json["periodId"] as? String else {
            throw BenchError.unexpectedResponse("creating a period", status: period.status, body: period.text)
        }
        var formations: [UUID] = []
        for position in ["Analis Kebijakan Ahli Pertama", "Pranata Komputer Ahli Pertama"] {
            let response = try await TestHTTP.post(
                "\(registration)/v1/admin/periods/\(periodId)/formations",
                json: TestApplicants.formation(position: position, quota: 25), headers: admin)
            guard response.status == 201, let id = (response.json["formationId"] as? String).flatMap(UUID.init(uuidString:))
            else {
                throw BenchError.unexpectedResponse("creating a formation", status: response.status, body: response.text)
            }
            formations.append(id)
        }
        return SkeletonCatalogue(periodId: periodId, warmUpFormation: formations[0], measuredFormation: formations[1])
    }
}
