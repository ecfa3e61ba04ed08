public import Foundation
public import HTTPTypes
public import Hummingbird
import Prometheus
import RecruitmentEvents

/// What `/info` reports about the running service.
public struct ServiceInfo: Codable, Sendable {
    public var service: String
    public var version: String
    public var build: String
    public var startedAt: Date
    /// Topics the service publishes to, with its outbox position.
    public var publishes: [String]
    /// Topic partitions the service consumes, with positions and lag.
    public var consumes: [ConsumedPartition]
    public var outbox: OutboxStatus?

    public struct ConsumedPartition: Codable, Sendable, Equatable {
        public var projection: String
        public var topic: String
        public var partition: Int
        public var lag: Int64
        public init(projection: String, topic: String, partition: Int, lag: Int64) {
            self.projection = projection
            self.topic = topic
            self.partition = partition
            self.lag = lag
        }
    }

    public struct OutboxStatus: Codable, Sendable, Equatable {
        public var unpublished: Int
        public var oldestUnpublishedAgeSeconds: Double?
        public init(unpublished: Int, oldestUnpublishedAgeSeconds: Double?) {
            self.unpublished = unpublished
            self.oldestUnpublishedAgeSeconds = oldestUnpublishedAgeSeconds
        }
    }
}

/// The readiness report served by `/health/ready`.
struct ReadinessReport: Codable, Sendable {
    var status: String
    var checks: [String: CheckResult]

    struct CheckResult: Codable, Sendable {
        var ready: Bool
        var detail: String?
    }
}

/// The unauthenticated operations endpoints every service serves: `/health/live`, `/health/ready`, `/metrics`,
/// `/info`.
struct OperationsRoutes: Sendable {
    let readinessChecks: [ReadinessCheck]
    let registry: PrometheusCollectorRegistry
    let info: @Sendable () async -> ServiceInfo
    /// How long one readiness check may take before it counts as failed.
    let checkTimeout: Duration = .seconds(2)
    /// The rendered OpenAPI document served at `/openapi.json`, if any.
    var openAPIDocument: Data? = nil

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/health/live") { _, _ in
            JSONResponse(value: ["status": "live"])
        }
        router.get("/health/ready") { _, _ in
            let report = await self.readiness()
            return JSONResponse(value: report, status: report.status == "ready" ? .ok : .serviceUnavailable)
        }
        router.get("/metrics") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers,
                            body: .init(byteBuffer: ByteBuffer(bytes: self.registry.emitToBuffer())))
        }
        router.get("/info") { _, _ in
            JSONResponse(value: await self.info())
        }
        if let openAPIDocument {
            router.get("/openapi.json") { _, _ in OpenAPIDocumentResponse(data: openAPIDocument) }
        }
    }

    func readiness() async -> ReadinessReport {
        var results: [String: ReadinessReport.CheckResult] = [:]
        await withTaskGroup(of: (String, ReadinessReport.CheckResult).self) { group in
            for check in readinessChecks {
                group.addTask {
                    let outcome = await Self.run(check, timeout: self.checkTimeout)
                    switch outcome {
                    case .ready: return (check.name, .init(ready: true, detail: nil))
                    case .notReady(let reason): return (check.name, .init(ready: false, detail: reason))
                    }
                }
            }
            for await (name, result) in group { results[name] = result }
        }
        let ready = results.values.allSatisfy(\.ready)
        return ReadinessReport(status: ready ? "ready" : "not_ready", checks: results)
    }

    static func run(_ check: ReadinessCheck, timeout: Duration) async -> ReadinessCheck.Outcome {
        await withTaskGroup(of: ReadinessCheck.Outcome.self) { group in
            group.addTask {
                do { return try await check.check() } catch { return .notReady(String(describing: error)) }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return .notReady("timed out after \(timeout)")
            }
            let first = await group.next() ?? .notReady("no result")
            group.cancelAll()
            return first
        }
    }
}

/// A JSON response with an explicit status, encoded with sorted keys and ISO-8601 dates (``JSONResponseCoding``); a
/// `PlainJSONWritable` value writes the same bytes itself when it can.
public struct JSONResponse<Value: Encodable & Sendable>: ResponseGenerator {
    public var value: Value
    public var status: HTTPResponse.Status
    public var headers: HTTPFields

    public init(value: Value, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) {
        self.value = value
        self.status = status
        self.headers = headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body: ByteBuffer
        if let writable = value as? any PlainJSONWritable, let bytes = writable.plainJSON(escapesSlashes: true) {
            body = ByteBuffer(bytes: bytes)
        } else {
            body = ByteBuffer(bytes: try JSONResponseCoding.encoder.encode(value))
        }
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }
}

/// The one encoder for JSON responses. Instants are written like in events (``EventTimestamp``): UTC with
/// milliseconds, `2024-09-10T16:59:00.000Z`.
public enum JSONResponseCoding {
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(EventTimestamp.string(from: date))
        }
        return encoder
    }()
}
