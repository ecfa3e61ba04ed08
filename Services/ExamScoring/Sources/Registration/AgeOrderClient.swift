import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import RecruitmentEvents
import ServiceKit

/// Asks the registration service to order applications still tied after every other final criterion by age
/// (`POST /internal/v1/age-order`, DOMAIN §3.3 step 4), with the exam officer's own token. Registration alone holds
/// birth dates; only ranks come back (1 = oldest, equal dates share a rank).
struct AgeOrderClient: Sendable {
    /// The registration service's base URL, without a trailing slash.
    let baseURL: String
    let logger: Logger

    private struct Body: Codable {
        var applicationIds: [UUID]
    }

    private struct Answer: Codable {
        struct Rank: Codable {
            var applicationId: UUID
            var rank: Int
        }

        var ranks: [Rank]
    }

    /// The age rank of each application of `applicationIds` registration knows.
    func ranks(of applicationIds: [UUID], authorization: String) async throws -> [UUID: Int] {
        guard !applicationIds.isEmpty else { return [:] }
        var request = HTTPClientRequest(url: "\(baseURL)/internal/v1/age-order")
        request.method = .POST
        request.headers.add(name: "Authorization", value: authorization)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(Body(applicationIds: applicationIds))))
        let answer: Answer
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
            let body = try await response.body.collect(upTo: 1 << 20)
            guard response.status == .ok else {
                logger.warning("registration refused the age order", metadata: ["status": "\(response.status.code)"])
                throw Problem.unavailable(
                    "The registration service refused the age order (HTTP \(response.status.code)); it decides the "
                        + "last tie-break.")
            }
            answer = try JSONDecoder().decode(Answer.self, from: Data(body.readableBytesView))
        } catch let problem as Problem {
            throw problem
        } catch {
            logger.warning("registration unreachable for the age order", metadata: ["error": "\(error)"])
            throw Problem.unavailable("The registration service, which decides the last tie-break by age, is unreachable.")
        }
        return Dictionary(answer.ranks.map { ($0.applicationId, $0.rank) }, uniquingKeysWith: min)
    }
}
