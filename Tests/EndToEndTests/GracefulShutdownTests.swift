import Foundation
import NIOCore
import NIOPosix
import SuiteHarness
import TestSupport
import Testing

/// SIGTERM ends a service cleanly (exit status 0) within a few seconds: when healthy, and when a dependency is down
/// (start-up steps still retrying must not keep the process alive).
@Suite struct GracefulShutdownTests {
    /// Far above a clean shutdown, far below ``ServiceProcess/stop()``'s 30 s before SIGKILL.
    static let shutdownBound = Duration.seconds(10)

    @Test func sigtermEndsAHealthyServiceWithStatusZero() async throws {
        try await Self.withRegistration { registration in
            try await Self.expectCleanStop(registration)
        }
    }

    @Test func sigtermEndsAServiceWaitingForItsDatabaseWithStatusZero() async throws {
        guard let brokers = TestEnvironment.kafkaBrokers() else {
            try TestEnvironment.skipUnlessCI(missing: TestEnvironment.kafkaBrokersVariable)
            return
        }
        guard let adminURL = TestEnvironment.postgresURL() else {
            try TestEnvironment.skipUnlessCI(missing: TestEnvironment.postgresURLVariable)
            return
        }
        let never = try LateDatabase(adminURL: adminURL)  // never created
        let announcements = try ServiceEnvironments.announcements(
            postgres: never.url, brokers: brokers, prefix: ServiceEnvironments.uniquePrefix())
        try await announcements.launch()
        #expect(await waitUntil { try await Readiness.of(announcements).failing.contains("migrations") })
        try await Self.expectCleanStop(announcements)
    }

    @Test func sigtermEndsAServiceWaitingForItsBrokerWithStatusZero() async throws {
        try await TestPostgres.withFreshDatabase { _, url in
            let nowhere = "127.0.0.1:\(try FreePort.find())"
            let announcements = try ServiceEnvironments.announcements(
                postgres: url, brokers: nowhere, prefix: ServiceEnvironments.uniquePrefix())
            try await announcements.launch()
            #expect(await waitUntil {
                let readiness = try await Readiness.of(announcements)
                return readiness.checks["migrations"]?.ready == true && readiness.failing.contains("broker")
            })
            try await Self.expectCleanStop(announcements)
        }
    }

    /// A client that sent a request head announcing a body, then part of the body, then nothing (a dead mobile
    /// connection, or a slowloris): on shutdown the server waits 5 s of silence for the rest, then closes the connection
    /// instead of waiting for it until the idle timeout.
    @Test func sigtermEndsAServiceHoldingAStalledRequestWithStatusZero() async throws {
        try await Self.withRegistration { registration in
            let stalled = try await Self.connect(to: registration)
            try await stalled.writeAndFlush(ByteBuffer(string: "POST /v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"email\": ")).get()
            try await Task.sleep(for: .milliseconds(200))
            // The 5 s of silence the server allows, on top of a clean stop.
            try await Self.expectCleanStop(registration, within: Self.shutdownBound + .seconds(5))
            // The server closed the connection; the client never did.
            try await stalled.closeFuture.get()
        }
    }

    /// A connection that stays silent for `ASN_HTTP_IDLE_TIMEOUT_SECONDS` is closed by the server.
    @Test func aSilentConnectionIsClosedAfterTheIdleTimeout() async throws {
        try await Self.withRegistration(extra: ["ASN_HTTP_IDLE_TIMEOUT_SECONDS": "1"]) { registration in
            let silent = try await Self.connect(to: registration)
            let start = ContinuousClock.now
            try await silent.closeFuture.get()
            let elapsed = ContinuousClock.now - start
            #expect(elapsed < .seconds(5), "the silent connection stayed open \(elapsed)")
            try await Self.expectCleanStop(registration)
        }
    }

    /// Runs `body` with a started registration process on a fresh database (`extra` overrides its environment).
    static func withRegistration(
        extra: [String: String] = [:], _ body: (ServiceProcess) async throws -> Void
    ) async throws {
        guard let brokers = TestEnvironment.kafkaBrokers() else {
            try TestEnvironment.skipUnlessCI(missing: TestEnvironment.kafkaBrokersVariable)
            return
        }
        try await TestPostgres.withFreshDatabase { _, url in
            let registration = try ServiceEnvironments.registration(
                postgres: url, brokers: brokers, prefix: ServiceEnvironments.uniquePrefix(), extra: extra)
            try await registration.start()
            try await body(registration)
        }
    }

    /// A raw TCP connection to `service`'s HTTP port.
    static func connect(to service: ServiceProcess) async throws -> any Channel {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: service.port).get()
    }

    static func expectCleanStop(
        _ service: ServiceProcess, within bound: Duration = shutdownBound,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        try #require(service.isRunning, "\(service.name) was not running", sourceLocation: sourceLocation)
        let start = ContinuousClock.now
        await service.stop()
        let elapsed = ContinuousClock.now - start
        #expect(!service.isRunning, sourceLocation: sourceLocation)
        #expect(service.terminationStatus == 0,
                "\(service.name) exited with \(service.terminationStatus); log: \(service.logFile.path)",
                sourceLocation: sourceLocation)
        #expect(elapsed < bound, "\(service.name) took \(elapsed) to stop; log: \(service.logFile.path)",
                sourceLocation: sourceLocation)
    }
}
