import AsyncHTTPClient
import Crypto
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import RecruitmentEvents
import ServiceKit

/// Fetches submitted documents from the registration service (`GET /internal/v1/documents/{id}`, ARCHITECTURE §2:
/// registration owns the bytes) with the officer's own access token, and checks them against the SHA-256 recorded at
/// submission before anyone sees them.
struct RegistrationDocumentClient: Sendable {
    /// The registration service's base URL, without a trailing slash.
    let baseURL: String
    let logger: Logger

    /// The largest document the suite accepts (DOMAIN §1.3 limits are far below).
    static let maximumBytes = 16 << 20

    /// A fetched document whose bytes hash to the expected value.
    struct Fetched: Sendable {
        var bytes: ByteBuffer
        var contentType: String
    }

    /// Why a document could not be shown.
    enum Failure: Error, Equatable {
        /// The bytes do not hash to the recorded SHA-256.
        case hashMismatch(actual: String)
        /// Registration does not have it (or refused the officer).
        case unavailable(status: Int)
        /// Registration could not be reached, or answered that it is briefly unavailable (502, 503, 504: a restart, its
        /// database away); the officer may try again.
        case unreachable(String)

        /// The failure a non-200 answer from registration stands for.
        static func answered(_ status: Int) -> Failure {
            switch status {
            case 502, 503, 504: .unreachable("the registration service answered \(status)")
            default: .unavailable(status: status)
            }
        }
    }

    func fetch(_ documentId: UUID, expectedSha256: String, authorization: String) async throws(Failure) -> Fetched {
        var request = HTTPClientRequest(url: "\(baseURL)/internal/v1/documents/\(documentId.eventKey)")
        request.headers.add(name: "Authorization", value: authorization)
        let response: HTTPClientResponse
        let body: ByteBuffer
        do {
            response = try await HTTPClient.shared.execute(request, timeout: .seconds(15))
            body = try await response.body.collect(upTo: Self.maximumBytes)
        } catch {
            logger.warning("registration unreachable for a document", metadata: [
                "document_id": "\(documentId.eventKey)", "error": "\(error)",
            ])
            throw .unreachable("\(error)")
        }
        guard response.status == .ok else { throw .answered(Int(response.status.code)) }
        let actual = SHA256.hash(data: body.readableBytesView).lowercaseHex
        guard actual == expectedSha256.lowercased() else { throw .hashMismatch(actual: actual) }
        return Fetched(bytes: body, contentType: response.headers.first(name: "Content-Type") ?? "application/octet-stream")
    }
}
