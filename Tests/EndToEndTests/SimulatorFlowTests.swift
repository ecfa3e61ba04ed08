import Foundation
import RecruitmentEvents
import SelectionSimulator
import SuiteHarness
import Synchronization
import Testing

/// The selection simulator as an end-to-end test: a small, complete selection through the four real executables
/// (their own databases, the real broker), from sign-up to the final announcement, checked against the public read
/// models and the transparency log. The simulator throws or reports a failed probe on any mismatch.
@Suite(.serialized) struct SimulatorFlowTests {
    @Test func aSmallSelectionRunsThroughEveryStageAndVerifiesPublicly() async throws {
        try await ExamFlowTests().withSuite(formations: [], announcements: true) { suite in
            let announcements = try #require(suite.announcementsURL)
            let options = SimulationOptions(
                endpoints: ServiceEndpoints(
                    registration: suite.registration.baseURL, verification: suite.verification.baseURL,
                    examScoring: suite.exam.baseURL, announcements: announcements),
                adminEmail: TestApplicants.adminEmail, adminPassword: TestApplicants.adminPassword,
                applicants: 36, seed: 11, runTag: 4242, concurrency: 4, skdPace: .zero,
                propagationTimeout: .seconds(90))
            let log = LineLog()
            let simulation = Simulation(
                options: options, today: CalendarDay(year: 2026, month: 11, day: 29), say: { log.append($0) })
            let report: SimulationReport
            do {
                report = try await simulation.run()
            } catch {
                Issue.record("the simulation failed: \(error)\n\(log.lines.suffix(30).joined(separator: "\n"))")
                return
            }
            let text = report.lines.joined(separator: "\n")
            #expect(report.passed, "\(text)")
            #expect(report.stageTimes.map(\.0) == Simulation.stageNames, "every stage ran: \(text)")
            #expect(report.probes.count >= 15, "the deliberate bad requests ran: \(text)")
            #expect(Set(report.announcements.map(\.kind)) == ["administrative-results", "skd-results", "final-results"])
            let submitted = report.plan.submitting.count
            let administrative = report.announcements.filter { $0.kind == "administrative-results" }
            #expect(administrative.reduce(0) { $0 + $1.rowCount } == submitted, "every submission announced once")

            // Personal data never leaves registration: not in any topic, not in any service's log. (The simulator's
            // public audit has already scanned every public answer it read.)
            let secrets = report.plan.applicants.flatMap { applicant -> [(String, String)] in
                let identity = applicant.identity
                return [("NIK", identity.nik), ("KK number", identity.kkNumber), ("birth date", identity.birthDate.iso)]
            }
            let topics = RecruitmentTopic.allCases.map { suite.topicPrefix + $0.rawValue }
            let records = try await TopicDump.values(topics: topics, brokers: suite.brokers, minimum: submitted)
            #expect(records.count >= submitted, "the topics were read: \(records.count) records")
            var sources = records.map { ("a record on the broker", String(decoding: $0, as: UTF8.self)) }
            for file in suite.logFiles {
                sources.append(("log \(file.lastPathComponent)", try String(contentsOf: file, encoding: .utf8)))
            }
            var found: [String] = []
            for (source, text) in sources {
                for (kind, value) in secrets where text.contains(value) {
                    found.append("\(kind) of a test applicant in \(source)")
                }
                // Documents travel only between registration and the verifier's browser: no file bytes elsewhere.
                for marker in ["%PDF-", "JFIF"] where text.contains(marker) {
                    found.append("document bytes (\(marker)) in \(source)")
                }
            }
            #expect(found.isEmpty, "\(Set(found).sorted().prefix(10))")
        }
    }
}

/// The simulator's progress lines, kept for the failure message.
final class LineLog: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}
