import Foundation
import Hummingbird
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// The last final tie-break (DOMAIN §3.3: the older applicant first) for the exam service, which never sees birth
/// dates: given the applications still tied, this answers their order by age as ranks only (1 = oldest; the same
/// birth date shares a rank). The dates themselves never leave this service.
struct AgeOrderRoutes: Sendable {
    /// `POST /internal/v1/age-order`.
    struct Request: Codable, Sendable {
        var applicationIds: [UUID]
    }

    /// One application's age rank.
    struct Rank: Codable, Sendable {
        var applicationId: UUID
        var rank: Int
    }

    /// The answer: every known application of the request with its rank; unknown ids are left out.
    struct Response: Codable, Sendable {
        var ranks: [Rank]
    }

    /// At most this many applications per request (ties are small groups).
    static let maximumApplications = 1000

    let postgres: PostgresClient
    let maxBody: Int
    let logger: Logger

    func register(on router: Router<ServiceRequestContext>) {
        router.post("/internal/v1/age-order") { request, context in
            _ = try context.requireRole(.examOfficer, .admin)
            let body = try await request.decodeJSON(Request.self, maxBytes: self.maxBody)
            guard (1...Self.maximumApplications).contains(body.applicationIds.count) else {
                throw Problem.invalidField(
                    "applicationIds", code: "count", "name 1 to \(Self.maximumApplications) applications")
            }
            return JSONResponse(value: Response(ranks: try await self.ranks(Array(Set(body.applicationIds)))))
        }
    }

    func ranks(_ applicationIds: [UUID]) async throws -> [Rank] {
        let rows = try await postgres.query(
            """
            SELECT a.application_id, dense_rank() OVER (ORDER BY p.birth_date)::integer
            FROM applications a JOIN applicants p ON p.applicant_id = a.applicant_id
            WHERE a.application_id = ANY(\(applicationIds)::uuid[])
            ORDER BY 2, 1
            """, logger: logger)
        var ranks: [Rank] = []
        for try await (id, rank) in rows.decode((UUID, Int).self) {
            ranks.append(Rank(applicationId: id, rank: rank))
        }
        return ranks
    }
}
