import Foundation
import SuiteHarness
import TestSupport
import Testing

/// SIGTERM ends a service cleanly (exit status 0) within a few seconds: when healthy, and when a dependency is down
/// (start-up steps still retrying must not keep the process alive).
@Suite struct GracefulShutdownTests {
    /// Far above a clean shutdown, far below ``ServiceProcess/stop()``'s 30 s before SIGKILL.
    static let shutdownBound = Duration.seconds(10)

    @Test func sigtermEndsAHealthyServiceWithStatusZero() async throws {
        guard let brokers = TestEnvironment.kafkaBrokers() else {
            try TestEnvironment.skipUnlessCI(missing: TestEnvironment.kafkaBrokersVariable)
            return
        }
        try await TestPostgres.withFreshDatabase { _, url in
            let registration = try ServiceEnvironments.registration(
                postgres: url, brokers: brokers, prefix: ServiceEnvironments.uniquePrefix())
            try await registration.start()
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

    static func expectCleanStop(
        _ service: ServiceProcess, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        try #require(service.isRunning, "\(service.name) was not running", sourceLocation: sourceLocation)
        let start = ContinuousClock.now
        await service.stop()
        let elapsed = ContinuousClock.now - start
        #expect(!service.isRunning, sourceLocation: sourceLocation)
        #expect(service.terminationStatus == 0,
                "\(service.name) exited with \(service.terminationStatus); log: \(service.logFile.path)",
                sourceLocation: sourceLocation)
        #expect(elapsed < shutdownBound, "\(service.name) took \(elapsed) to stop; log: \(service.logFile.path)",
                sourceLocation: sourceLocation)
    }
}
