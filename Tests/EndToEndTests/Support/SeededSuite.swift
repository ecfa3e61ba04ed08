import Foundation
import RecruitmentEvents
import SelectionSimulator
import SuiteHarness
import Testing

/// A running suite with a little real data in it, so that generated and hand-written requests have objects to hit:
/// a small selection simulated through the public APIs up to the administrative announcement, one applicant with a
/// draft application, and an officer holding every officer role (so that no protected operation is refused for want
/// of a role; the authorisation matrix checks the refusals separately).
struct SeededSuite {
    var suite: ExamFlowTests.Suite
    /// The announcements service's base URL.
    var announcements: String
    /// An officer with the roles verifier, supervisor, exam_officer, announcer and admin.
    var officerToken: String
    /// An applicant with a draft application (every national document uploaded, not submitted).
    var applicant: RegistrationJourney.Applicant
    /// The formation of ``applicant``'s draft.
    var formationId: String

    /// The four base URLs by service name.
    var services: [(name: String, baseURL: String)] {
        [("verification", suite.verification.baseURL), ("exam-scoring", suite.exam.baseURL),
         ("announcements", announcements), ("registration", suite.registration.baseURL)]
    }

    /// Seeds `suite` (started with announcements and at least one formation): `simulatedApplicants` through the
    /// simulator up to `announce-administrative` (none: no simulation), then the omni-role officer and the draft.
    static func seed(_ suite: ExamFlowTests.Suite, simulatedApplicants: Int) async throws -> SeededSuite {
        let announcements = try #require(suite.announcementsURL, "the suite was started without announcements")
        let formationId = try #require(suite.formationIds.first, "the suite was started without a formation")
        if simulatedApplicants > 0 {
            let options = SimulationOptions(
                endpoints: ServiceEndpoints(
                    registration: suite.registration.baseURL, verification: suite.verification.baseURL,
                    examScoring: suite.exam.baseURL, announcements: announcements),
                adminEmail: TestApplicants.adminEmail, adminPassword: TestApplicants.adminPassword,
                applicants: simulatedApplicants, seed: 8, runTag: 808, concurrency: 4, skdPace: .zero,
                propagationTimeout: .seconds(60))
            let log = LineLog()
            do {
                _ = try await Simulation(
                    options: options, today: CalendarDay(year: 2026, month: 11, day: 29), say: { log.append($0) }
                ).run(until: "announce-administrative")
            } catch {
                throw SeedingFailure(
                    detail: "the simulation failed: \(error)\n\(log.lines.suffix(20).joined(separator: "\n"))")
            }
        }
        let officer = try await suite.verification.officer(
            "Petugas Serba Bisa", roles: ["verifier", "supervisor", "exam_officer", "announcer", "admin"],
            adminToken: suite.admin)
        let applicant = try await suite.registration.draft(serial: 7_301, formationId: formationId)
        return SeededSuite(suite: suite, announcements: announcements, officerToken: officer.token,
                           applicant: applicant, formationId: formationId)
    }

    /// Why seeding failed, with the simulator's last lines.
    struct SeedingFailure: Error, CustomStringConvertible {
        var detail: String
        var description: String { detail }
    }
}
