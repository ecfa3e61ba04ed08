import Foundation
import PostgresNIO
import SuiteHarness
import TestSupport
import Testing

/// Services started before their database or broker stay up, report what is missing, and become ready on their own
/// once it appears; nothing accepted meanwhile is lost.
@Suite struct DependencyOutageTests {
    @Test func aServiceStartedBeforeItsDatabaseExistsBecomesReadyWhenItAppears() async throws {
        guard let brokers = TestEnvironment.kafkaBrokers() else {
            try TestEnvironment.skipUnlessCI(missing: TestEnvironment.kafkaBrokersVariable)
            return
        }
        guard let adminURL = TestEnvironment.postgresURL() else {
            try TestEnvironment.skipUnlessCI(missing: TestEnvironment.postgresURLVariable)
            return
        }
        let database = try LateDatabase(adminURL: adminURL)
        let announcements = try ServiceEnvironments.announcements(
            postgres: database.url, brokers: brokers, prefix: ServiceEnvironments.uniquePrefix())
        do {
            try await announcements.launch()
            #expect(await waitUntil { try await TestHTTP.get("\(announcements.baseURL)/health/live").status == 200 })

            // Not ready, naming the database checks, for as long as the database is missing.
            for _ in 0..<3 {
                let readiness = try await Readiness.of(announcements)
                #expect(readiness.status == 503)
                #expect(readiness.failing.contains("postgres"), "failing: \(readiness.failing)")
                #expect(readiness.failing.contains("migrations"), "failing: \(readiness.failing)")
                try await Task.sleep(for: .seconds(1))
            }
            #expect(announcements.isRunning, "the service gave up while its database was missing")
            // An API request needing the database should get a 503 problem at once.
            let countsURL = "\(announcements.baseURL)/v1/formations/\(UUID().uuidString)/counts"
            let counts = await firstWithin(.seconds(3)) { try await TestHTTP.get(countsURL) }
            let response = try #require(counts, "no answer within 3 s")
            #expect(response.status == 503, "\(response.text)")
            #expect(response.header("Content-Type") == "application/problem+json")

            try await database.create()
            try await announcements.waitUntilReady(timeout: .seconds(60))
            // The migrations ran without a restart: the read model exists.
            try await TestPostgres.withClient(url: database.url, maximumConnections: 1) { client in
                try await client.query("SELECT count(*) FROM formation_applicant_counts", logger: TestPostgres.logger)
            }
            await announcements.stop()
            #expect(announcements.terminationStatus == 0)
        } catch {
            await announcements.stop()
            try? await database.drop()
            throw error
        }
        try await database.drop()
    }

    @Test func servicesStartedBeforeTheBrokerCatchUpAndLoseNothingAccepted() async throws {
        guard let tansu = TansuBroker.binary() else {
            try TestEnvironment.skipUnlessCI(missing: TansuBroker.binaryVariable)
            return
        }
        try await TestPostgres.withFreshDatabase { _, registrationURL in
            try await TestPostgres.withFreshDatabase { _, announcementsURL in
                let port = try FreePort.find()
                let brokers = "127.0.0.1:\(port)"
                let prefix = ServiceEnvironments.uniquePrefix()
                let registration = try ServiceEnvironments.registration(
                    postgres: registrationURL, brokers: brokers, prefix: prefix)
                let announcements = try ServiceEnvironments.announcements(
                    postgres: announcementsURL, brokers: brokers, prefix: prefix)
                var broker: TansuBroker?
                do {
                    try await registration.launch()
                    try await announcements.launch()
                    try await Self.whileTheBrokerIsDown(registration: registration, announcements: announcements) {
                        broker = try await TansuBroker.start(binary: tansu, port: port)
                    }
                    await registration.stop()
                    await announcements.stop()
                    #expect(registration.terminationStatus == 0)
                    #expect(announcements.terminationStatus == 0)
                } catch {
                    await registration.stop()
                    await announcements.stop()
                    await broker?.stop()
                    throw error
                }
                await broker?.stop()
            }
        }
    }

    static func whileTheBrokerIsDown(
        registration: ServiceProcess, announcements: ServiceProcess, bringUp: () async throws -> Void
    ) async throws {
        let api = registration.baseURL
        #expect(await waitUntil { try await Readiness.of(registration).checks["postgres"]?.ready == true })
        let readiness = try await Readiness.of(registration)
        #expect(readiness.status == 503)
        #expect(readiness.failing.contains("broker"), "failing: \(readiness.failing)")
        #expect(readiness.checks["postgres"]?.ready == true)

        // The API still works (writes go to the outbox) and still speaks problem+json.
        let malformed = try await TestHTTP.send(
            "POST", "\(api)/v1/accounts", headers: [("Content-Type", "application/json")], body: Array("{".utf8))
        #expect(malformed.status == 400)
        #expect(malformed.header("Content-Type") == "application/problem+json")
        // The initial administrator exists once the migrations (and the service's preparation) are done.
        #expect(await waitUntil { try await Readiness.of(registration).checks["migrations"]?.ready == true })
        let formationId = try await ServiceEnvironments.openFormation(on: api)
        // A whole application: sign up, log in, start, upload every document, submit.
        let applicant = try await RegistrationJourney(baseURL: api).apply(serial: 1, formationId: formationId)
        #expect(applicant.registrationNumber != nil)
        let outbox = try await TestHTTP.get("\(api)/info").json["outbox"] as? [String: Any]
        #expect((outbox?["unpublished"] as? Int ?? 0) > 0, "events were published without a broker?")
        #expect(try await Readiness.of(announcements).failing.contains("broker"))

        try await bringUp()
        try await registration.waitUntilReady(timeout: .seconds(90))
        try await announcements.waitUntilReady(timeout: .seconds(90))
        #expect(await waitUntil(timeout: .seconds(60)) {
            let counts = try await TestHTTP.get("\(announcements.baseURL)/v1/formations/\(formationId)/counts")
            return counts.json["applicants"] as? Int == 1
        }, "the submission accepted while the broker was down never reached announcements")
        let drained = try await TestHTTP.get("\(api)/info").json["outbox"] as? [String: Any]
        #expect(drained?["unpublished"] as? Int == 0)
    }
}
