import Foundation
import SuiteHarness
import TestSupport
import Testing

/// Issue 8, "authorisation holds": every operation of the four services × every kind of caller → the status the
/// specification (``AuthorizationTable``) gives it, and an applicant never reads or changes another applicant's data.
///
/// The operations come from each service's live `/openapi.json`, so an endpoint added without a row in the table
/// fails the test. Callers: no token; an expired, a forged (another Ed25519 key, same `kid`), a tampered (roles added,
/// old signature) and an unsigned (`alg: none`) token, all made from the administrator's real token; and a valid
/// token of each role. Protected operations answer 401 problems to the first five, 403 to roles they do not admit,
/// and anything but 401/403 (and never a 5xx) to roles they do. Public operations answer every valid token as they
/// answer nobody, and refuse a bad token (see ``AuthorizationTable/Access/open``); the operations endpoints ignore
/// tokens altogether. Every answer is also checked against the service's OpenAPI document.
@Suite(.serialized) struct AuthorizationMatrixTests {
    /// At most this many requests in flight (the services share two cores with everything else).
    static let width = 12

    @Test func everyOperationAnswersEveryCallerAsSpecified() async throws {
        try await ExamFlowTests().withSuite(formations: [TestApplicants.formation(quota: 2)], announcements: true) {
            suite in
            let world = try await AuthorizationWorld.build(suite)
            try await Self.isolation(world)
            try await Self.matrix(world)
        }
    }

    // MARK: Isolation

    /// Applicant A against applicant B's application, card, documents, verification, objection and seat.
    static func isolation(_ world: AuthorizationWorld) async throws {
        let registration = world.suite.registration.baseURL
        let isolation = AuthorizationIsolation(world: world)
        let before = try await TestHTTP.get("\(registration)/v1/applications/\(world.b.applicationId)",
                                            headers: [("Authorization", "Bearer \(world.b.token)")])
        try #require(before.status == 200, "B reads B's application: \(before.text)")

        for attempt in isolation.attempts {
            let byA = try await AuthorizationIsolation.send(attempt, token: world.a.token)
            #expect(byA.status == attempt.refusal, "A tried to \(attempt.label): HTTP \(byA.status) \(byA.text)")
            #expect(byA.header("Content-Type")?.hasPrefix("application/problem+json") == true,
                    "A tried to \(attempt.label): not a problem")
            for secret in isolation.secretsOfB where byA.text.contains(secret) {
                Issue.record("A tried to \(attempt.label): the refusal names B's \(secret)")
            }
            if let ownerGets = attempt.ownerGets {
                let byB = try await AuthorizationIsolation.send(attempt, token: world.b.token)
                #expect(ownerGets.contains(byB.status),
                        "control: B tried to \(attempt.label) themselves: HTTP \(byB.status) \(byB.text)")
            }
        }

        // Nothing of B's changed: status, formation, documents; and no objection was filed for B.
        let after = try await TestHTTP.get("\(registration)/v1/applications/\(world.b.applicationId)",
                                           headers: [("Authorization", "Bearer \(world.b.token)")])
        #expect(AuthorizationIsolation.fingerprint(after.json) == AuthorizationIsolation.fingerprint(before.json))
        #expect(after.json["status"] as? String == "submitted")
        let verdict = try await TestHTTP.get(
            "\(world.suite.verification.baseURL)/v1/applications/\(world.b.applicationId)/verification",
            headers: [("Authorization", "Bearer \(world.b.token)")])
        #expect(verdict.status == 200)
        #expect(verdict.json["objection"] == nil || verdict.json["objection"] is NSNull, "\(verdict.text)")

        // Lists show only one's own rows: applications, exam cards, the account.
        for (owner, other) in [(world.a, world.b), (world.b, world.a)] {
            let headers = [("Authorization", "Bearer \(owner.token)")]
            let applications = try await TestHTTP.get("\(registration)/v1/applications", headers: headers)
            let listed = ExamJourney.items(applications).compactMap { ($0["applicationId"] as? String)?.lowercased() }
            #expect(listed == [owner.applicationId], "applications listed for \(owner.name): \(applications.text)")
            let cards = try await world.suite.exam.examCards(token: owner.token)
            let carded = ExamJourney.items(cards).compactMap { ($0["applicationId"] as? String)?.lowercased() }
            #expect(carded == [owner.applicationId], "exam cards of \(owner.name): \(cards.text)")
            #expect(!cards.text.contains(other.participantNumber), "\(owner.name)'s cards show the other's number")
            let me = try await TestHTTP.get("\(registration)/v1/me", headers: headers)
            #expect((me.json["accountId"] as? String)?.lowercased() == owner.applicant.applicantId.lowercased())
        }
    }

    // MARK: The matrix

    static func matrix(_ world: AuthorizationWorld) async throws {
        let suite = world.suite
        let announcementsURL = try #require(suite.announcementsURL)
        let services = [
            try await ServiceUnderTest.load("registration", baseURL: suite.registration.baseURL,
                                            expected: AuthorizationTable.registration),
            try await ServiceUnderTest.load("verification", baseURL: suite.verification.baseURL,
                                            expected: AuthorizationTable.verification),
            try await ServiceUnderTest.load("exam-scoring", baseURL: suite.exam.baseURL,
                                            expected: AuthorizationTable.examScoring),
            try await ServiceUnderTest.load("announcements", baseURL: announcementsURL,
                                            expected: AuthorizationTable.announcements),
        ]
        for service in services {
            for problem in AuthorizationMatrix.coverage(service) { Issue.record("\(problem)") }
        }

        let callers = try await Self.callers(world)
        let probe = AuthorizationProbe(values: world.values)
        var cells: [(ServiceUnderTest, DocumentedOperation, AuthorizationTable.Access, AuthorizationCaller)] = []
        for service in services {
            for operation in service.operations {
                guard let access = service.expected[operation.key] else { continue }
                for caller in callers { cells.append((service, operation, access, caller)) }
            }
        }
        let started = ContinuousClock.now
        let observed: [AuthorizationObservation]
        do {
            observed = try await AuthorizationProbe.bounded(cells.map { cell in
                { @Sendable in try await probe.call(cell.1, on: cell.0.baseURL, as: cell.3) }
            }, width: width)
        } catch {
            await probe.shutdown()
            throw error
        }
        await probe.shutdown()
        print("authorisation matrix: \(cells.count) calls in \(ContinuousClock.now - started)")

        var anonymous: [String: AuthorizationObservation] = [:]
        for (cell, answer) in zip(cells, observed) where cell.3.token == nil {
            anonymous["\(cell.0.name) \(cell.1.key)"] = answer
        }
        var failures = 0
        for (cell, answer) in zip(cells, observed) {
            let (service, operation, access, caller) = cell
            guard let baseline = anonymous["\(service.name) \(operation.key)"] else { continue }
            let problems = AuthorizationMatrix.violations(
                access: access, caller: caller, observed: answer, anonymous: baseline)
                + AuthorizationMatrix.contract(service, operation, answer)
            for problem in problems {
                failures += 1
                Issue.record("\(service.name) \(operation.key) [\(access)] as \(caller): \(problem)")
            }
        }
        print("authorisation matrix: \(failures) violations")
    }

    /// No token, the four bad tokens (from the administrator's), and one valid token per role.
    static func callers(_ world: AuthorizationWorld) async throws -> [AuthorizationCaller] {
        let admin = world.suite.admin
        let seed = try #require(Data(base64Encoded: RegistrationSettings.environment()["ASN_REGISTRATION_JWT_SIGNING_KEY"] ?? ""))
        let tokens = try AuthorizationTokens(valid: admin, signingSeed: seed)

        // The re-signed copy of a valid token works everywhere: what makes the expired one fail is its expiry.
        let registration = world.suite.registration.baseURL
        let resigned = [("Authorization", "Bearer \(tokens.resigned)")]
        #expect(try await TestHTTP.get("\(registration)/v1/me", headers: resigned).status == 200)
        #expect(try await TestHTTP.get("\(world.suite.verification.baseURL)/v1/queue", headers: resigned).status == 200)

        var callers = [AuthorizationCaller.anonymous]
        for flaw in AuthorizationTokens.Flaw.allCases {
            callers.append(AuthorizationCaller(name: "\(flaw) admin token", token: tokens.bad[flaw], flaw: flaw))
        }
        for role in AuthorizationTable.everyRole {
            let token = try #require(world.tokens[role], "no \(role) token")
            callers.append(AuthorizationCaller(name: role, token: token, role: role))
        }
        return callers
    }
}
