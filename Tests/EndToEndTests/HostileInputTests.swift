import Foundation
import SuiteHarness
import TestSupport
import Testing

/// Hostile input against the four real executables (their own databases, the real broker). Schemathesis generates
/// requests from every service's served `/openapi.json` (valid and deliberately invalid ones) and checks every
/// answer: never a 5xx, always a documented status and content type, a body matching the document, invalid data
/// refused. The hand-written cases (``HostileRequestCatalogue``) add what a generator does not try: oversize and
/// deeply nested bodies, invalid UTF-8, disguised files, path traversal, NUL characters, huge numbers, wrong media
/// types and duplicate members. Afterwards every service must still be ready.
@Suite(.serialized) struct HostileInputTests {
    @Test func schemathesisFindsNoFailureOnAnyService() async throws {
        guard let schemathesis = try SchemathesisRun.installedExecutable() else { return }
        try await ExamFlowTests().withSuite(formations: [TestApplicants.formation()], announcements: true) { suite in
            let seeded = try await SeededSuite.seed(suite, simulatedApplicants: 8)
            var runs = seeded.services.map { service in
                var run = SchemathesisRun(service: service.name, baseURL: service.baseURL, token: seeded.officerToken)
                // The live scoreboard is an endless Server-Sent Events stream: every generated request would wait
                // for the timeout. Its parameters are those of /v1/scoreboard/results, which is tested.
                if service.name == "announcements" { run.excludedOperationIds = ["streamScoreboard"] }
                return run
            }
            // Registration's applicant operations once more as the applicant who owns the draft.
            runs.append(SchemathesisRun(
                service: "registration (applicant)", baseURL: suite.registration.baseURL,
                token: seeded.applicant.token, includedTag: "applications"))
            for (run, took, outcome) in try await Self.inTwoLanes(runs, executable: schemathesis) {
                #expect(outcome.passed, "Schemathesis against \(run.service) (\(took)):\n\(outcome.report())")
            }
            try await Self.expectReady(seeded)
        }
    }

    @Test func handWrittenHostileRequestsAreRefusedCleanly() async throws {
        try await ExamFlowTests().withSuite(formations: [TestApplicants.formation()], announcements: true) { suite in
            let seeded = try await SeededSuite.seed(suite, simulatedApplicants: 0)
            let catalogue = HostileRequestCatalogue(seeded: seeded)
            var failures: [String] = []
            for request in catalogue.all {
                let violations = await request.violations()
                if !violations.isEmpty {
                    failures.append("\(request.name) (\(request.method) \(request.url.prefix(160))):\n  "
                        + violations.joined(separator: "\n  "))
                }
            }
            #expect(failures.isEmpty, "\(failures.count) of \(catalogue.all.count):\n\(failures.joined(separator: "\n"))")
            try await Self.expectReady(seeded)
        }
    }

    /// Runs `runs` two at a time (each Schemathesis process is single-threaded; the services mostly wait); the
    /// results come in the order of `runs`, each with how long it took.
    static func inTwoLanes(_ runs: [SchemathesisRun], executable: URL) async throws
        -> [(SchemathesisRun, Duration, SchemathesisRun.Outcome)]
    {
        try await withThrowingTaskGroup(of: [(Int, Duration, SchemathesisRun.Outcome)].self) { group in
            for lane in 0..<2 {
                group.addTask {
                    var results: [(Int, Duration, SchemathesisRun.Outcome)] = []
                    for index in stride(from: lane, to: runs.count, by: 2) {
                        let started = ContinuousClock.now
                        let outcome = try await runs[index].run(executable: executable)
                        results.append((index, ContinuousClock.now - started, outcome))
                    }
                    return results
                }
            }
            var all: [(Int, Duration, SchemathesisRun.Outcome)] = []
            for try await results in group { all += results }
            return all.sorted { $0.0 < $1.0 }.map { (runs[$0.0], $0.1, $0.2) }
        }
    }

    /// Every service answers `/health/ready` with 200 after the onslaught.
    static func expectReady(_ seeded: SeededSuite) async throws {
        for (name, baseURL) in seeded.services {
            let ready = try await TestHTTP.get("\(baseURL)/health/ready")
            #expect(ready.status == 200, "\(name) is not ready afterwards: \(ready.text)")
        }
    }
}
