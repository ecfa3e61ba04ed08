import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
@testable import ServiceKit
import Testing
import TransparencyLog
@testable import Announcements

/// The public log endpoints served in process over the real PostgreSQL: exact shapes, 4xx problems naming the
/// parameter, and documents that verify offline.
@Suite struct TransparencyLogRoutesTests {
    static func withApplication(_ body: @escaping @Sendable (TransparencyLogHarness, any TestClientProtocol) async throws -> Void)
        async throws
    {
        try await TransparencyLogHarness.run { log in
            let router = Router(context: ServiceRequestContext.self)
            router.add(middleware: CorrelationMiddleware())
            router.add(middleware: ProblemMiddleware())
            TransparencyLogRoutes(store: log.store, settings: log.signer.settings).register(on: router)
            try await Application(router: router).test(.router) { client in
                try await body(log, client)
            }
        }
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: JSONValue] {
        try #require(try JSONParser.parse(String(buffer: buffer)).objectValue)
    }

    /// The field a 4xx problem names.
    static func problemField(_ buffer: ByteBuffer) throws -> String? {
        let problem = try JSONDecoder().decode(Problem.self, from: Data(Array(buffer: buffer)))
        return problem.errors?.first?.field
    }

    @Test func theDocumentsHaveTheirShapesAndVerifyOffline() async throws {
        try await Self.withApplication { log, client in
            try await client.execute(uri: "/v1/log/checkpoint", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            let inputs = TransparencyLogHarness.records(9)
            _ = try await log.store.append(inputs)
            _ = try await log.signer.sign()

            let note = try await client.execute(uri: "/v1/log/checkpoint", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
                return String(buffer: response.body)
            }
            let keyText = try await client.execute(uri: "/v1/log/key", method: .get) { response in
                let key = try Self.json(response.body)
                #expect(Set(key.keys) == ["origin", "keyName", "verifierKey", "publicKey"])
                #expect(key["origin"] == .string(TransparencyLogHarness.origin))
                #expect(key["publicKey"] == .string(StrictBase64.encode(log.verifierKey.publicKey)))
                return try #require(key["verifierKey"]?.stringValue)
            }
            let key = try NoteVerifierKey(parsing: keyText)
            #expect(key == log.verifierKey)

            let recordText = try await client.execute(uri: "/v1/log/records/\(inputs[4].id)", method: .get) { response in
                #expect(response.status == .ok)
                let record = try Self.json(response.body)
                #expect(Set(record.keys) == ["recordId", "kind", "leafIndex", "salt", "record", "leafHash"])
                #expect(record["leafIndex"] == 4 && record["kind"] == "result-row")
                #expect(record["record"] == inputs[4].record)
                return String(buffer: response.body)
            }
            let proofText = try await client.execute(uri: "/v1/log/proofs/inclusion?leafIndex=4&treeSize=9",
                                                     method: .get) { response in
                #expect(response.status == .ok)
                let proof = try Self.json(response.body)
                #expect(Set(proof.keys) == ["leafIndex", "treeSize", "hashes"])
                return String(buffer: response.body)
            }
            let verified = try OfflineVerifier.verifyRecord(
                try LogRecordDocument(json: recordText), proof: try InclusionProofDocument(json: proofText),
                checkpoint: note, key: key)
            #expect(verified.leafIndex == 4 && verified.checkpoint.size == 9)

            let older = note
            _ = try await log.store.append(TransparencyLogHarness.records(4, tag: "b"))
            _ = try await log.signer.sign()
            let newer = try await client.execute(uri: "/v1/log/checkpoint", method: .get) { String(buffer: $0.body) }
            let consistencyText = try await client.execute(uri: "/v1/log/proofs/consistency?from=9&to=13",
                                                           method: .get) { response in
                #expect(response.status == .ok)
                let keys = Set(try Self.json(response.body).keys)
                #expect(keys == ["from", "to", "hashes"])
                return String(buffer: response.body)
            }
            let (first, second) = try OfflineVerifier.verifyConsistency(
                older: older, newer: newer, proof: try ConsistencyProofDocument(json: consistencyText), key: key)
            #expect(first.size == 9 && second.size == 13)
        }
    }

    @Test func badInputIsA4xxNamingTheParameter() async throws {
        try await Self.withApplication { log, client in
            _ = try await log.store.append(TransparencyLogHarness.records(5))
            let cases: [(String, HTTPResponse.Status, String?)] = [
                ("/v1/log/records/\(UUID())", .notFound, nil),
                ("/v1/log/records/not-a-uuid", .badRequest, "recordId"),
                ("/v1/log/proofs/inclusion?treeSize=5", .badRequest, "leafIndex"),
                ("/v1/log/proofs/inclusion?leafIndex=1", .badRequest, "treeSize"),
                ("/v1/log/proofs/inclusion?leafIndex=x&treeSize=5", .badRequest, "leafIndex"),
                ("/v1/log/proofs/inclusion?leafIndex=-1&treeSize=5", .badRequest, "leafIndex"),
                ("/v1/log/proofs/inclusion?leafIndex=0&treeSize=0", .badRequest, "treeSize"),
                ("/v1/log/proofs/inclusion?leafIndex=5&treeSize=5", .badRequest, "leafIndex"),
                ("/v1/log/proofs/inclusion?leafIndex=1&treeSize=6", .badRequest, "treeSize"),
                ("/v1/log/proofs/inclusion?leafIndex=1&treeSize=99999999999999999999", .badRequest, "treeSize"),
                ("/v1/log/proofs/consistency?from=1", .badRequest, "to"),
                ("/v1/log/proofs/consistency?from=0&to=3", .badRequest, "from"),
                ("/v1/log/proofs/consistency?from=4&to=3", .badRequest, "from"),
                ("/v1/log/proofs/consistency?from=2&to=6", .badRequest, "to"),
            ]
            for (uri, status, field) in cases {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == status, "\(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(uri)")
                    if let field {
                        let named = try Self.problemField(response.body)
                        #expect(named == field, "\(uri)")
                    }
                }
            }
        }
    }
}
