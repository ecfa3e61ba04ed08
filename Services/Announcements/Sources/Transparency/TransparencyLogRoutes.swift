import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RecruitmentEvents
import ServiceKit
import TransparencyLog

/// The transparency log's public, read-only API (no account needed), what the offline verifier and the public page
/// use: the latest checkpoint, the key, records with their salt and leaf, inclusion and consistency proofs.
struct TransparencyLogRoutes: Sendable {
    let store: TransparencyLogStore
    let settings: TransparencyLogSettings

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/v1/log/checkpoint") { _, _ in
            guard let checkpoint = try await store.latestCheckpoint() else {
                throw Problem.notFound("The transparency log has not signed a checkpoint yet.")
            }
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; charset=utf-8"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers,
                            body: .init(byteBuffer: ByteBuffer(string: checkpoint.signedNote)))
        }
        router.get("/v1/log/key") { _, _ in
            JSONResponse(value: settings.keyDocument)
        }
        router.get("/v1/log/records/:recordId") { _, context in
            let id = try context.uuidParameter("recordId")
            guard let record = try await store.record(id: id) else {
                throw Problem.notFound("No record \(id.eventKey) is in the transparency log.")
            }
            return JSONResponse(value: try record.document(), headers: Self.immutable)
        }
        router.get("/v1/log/proofs/inclusion") { request, _ in
            let leafIndex = try request.logQueryInteger("leafIndex", minimum: 0)
            let treeSize = try request.logQueryInteger("treeSize", minimum: 1)
            guard leafIndex < treeSize else {
                throw Problem.invalidField("leafIndex", code: "beyond-tree",
                                           "leafIndex must be below treeSize (\(treeSize))")
            }
            do {
                let hashes = try await store.inclusionProof(leafIndex: leafIndex, treeSize: treeSize)
                return JSONResponse(value: InclusionProofDocument(leafIndex: leafIndex, treeSize: treeSize,
                                                                  hashes: hashes.map(\.base64)),
                                    headers: Self.immutable)
            } catch TransparencyLogStoreError.treeSizeBeyondLog(_, let logSize) {
                throw Self.beyondLog("treeSize", logSize: logSize)
            }
        }
        router.get("/v1/log/proofs/consistency") { request, _ in
            let from = try request.logQueryInteger("from", minimum: 1)
            let to = try request.logQueryInteger("to", minimum: 1)
            guard from <= to else {
                throw Problem.invalidField("from", code: "out-of-order", "from must not exceed to (\(to))")
            }
            do {
                let hashes = try await store.consistencyProof(from: from, to: to)
                return JSONResponse(value: ConsistencyProofDocument(from: from, to: to, hashes: hashes.map(\.base64)),
                                    headers: Self.immutable)
            } catch TransparencyLogStoreError.treeSizeBeyondLog(_, let logSize) {
                throw Self.beyondLog("to", logSize: logSize)
            }
        }
    }

    /// Records and proofs for given sizes never change.
    static let immutable: HTTPFields = [.cacheControl: "public, max-age=31536000, immutable"]

    static func beyondLog(_ field: String, logSize: Int) -> Problem {
        Problem.invalidField(field, code: "beyond-log",
                             "\(field) must not exceed the log's size (\(logSize) leaves); use a signed checkpoint's size")
    }
}

extension Request {
    /// The required integer query parameter `name` (at least `minimum`), or a 400 problem naming it.
    func logQueryInteger(_ name: String, minimum: Int) throws -> Int {
        guard let raw = uri.queryParameters[Substring(name)] else {
            throw Problem.invalidField(name, code: "required", "\(name) is required")
        }
        guard let value = Int(String(raw)), value >= minimum else {
            throw Problem.invalidField(name, code: "integer", "\(name) must be an integer of at least \(minimum)")
        }
        return value
    }
}
