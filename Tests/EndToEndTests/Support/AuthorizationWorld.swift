import Foundation
import SuiteHarness

/// Everything the authorisation matrix and the isolation checks call with: one officer per role (the administrator is
/// the initial one), two applicants whose applications went all the way to an exam seat (verified MS, published,
/// seated in one SKD session), and the ids of what they own.
struct AuthorizationWorld {
    /// A test applicant and what belongs to them.
    struct Owner {
        var applicant: RegistrationJourney.Applicant
        var caseId: String
        /// The documents of the application (registration ids, which the case lists too).
        var documentIds: [String]
        var participantNumber: String
        var name: String

        var token: String { applicant.token }
        var applicationId: String { applicant.applicationId.lowercased() }
    }

    var suite: ExamFlowTests.Suite
    /// Valid tokens by role (wire name); `applicant` is applicant A's.
    var tokens: [String: String]
    var a: Owner
    var b: Owner
    var sessionId: String

    static func build(_ suite: ExamFlowTests.Suite) async throws -> AuthorizationWorld {
        let verification = suite.verification
        async let verifier = verification.officer("Verifikator Matriks", roles: ["verifier"], adminToken: suite.admin)
        async let supervisor = verification.officer("Pengawas Matriks", roles: ["supervisor"], adminToken: suite.admin)
        async let exam = verification.officer("Petugas Ujian Matriks", roles: ["exam_officer"], adminToken: suite.admin)
        async let announcer = verification.officer("Penyiar Matriks", roles: ["announcer"], adminToken: suite.admin)
        let formationId = suite.formationIds[0]
        async let first = suite.registration.apply(serial: 811, formationId: formationId)
        async let second = suite.registration.apply(serial: 812, formationId: formationId, female: true)
        let officers = ExamFlowTests.Officers(
            verifier: try await verifier.token, supervisor: try await supervisor.token, exam: try await exam.token)
        let (applicantA, applicantB) = (try await first, try await second)

        // Both verified MS and published, so that each has a published result, a closed case history and a seat.
        try await ExamFlowTests.administer(suite, [applicantA, applicantB], officers: officers)
        try await ExamFlowTests.publish(suite, formationId: formationId, officers: officers)
        guard await ExamFlowTests.waitForIntake(suite, applications: 2, finalResults: 2, publications: 1) else {
            throw AuthorizationProbeError(description: "the exam intake did not catch up")
        }
        let startsAt = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 7 * 86_400).rounded(.down))
        let sessionId = try await suite.exam.scheduledSession(
            periodId: suite.periodId, stage: "SKD", label: "Sesi Matriks", startsAt: startsAt, capacity: 10,
            token: officers.exam)
        try await suite.exam.seat(periodId: suite.periodId, stage: "SKD", token: officers.exam, untilAssigned: 2)
        let numbers = try await suite.exam.participantNumbers(sessionIds: [sessionId], token: officers.exam)

        func owner(_ applicant: RegistrationJourney.Applicant) async throws -> Owner {
            let caseView = try await verification.caseOf(application: applicant.applicationId, token: officers.verifier)
            guard let caseId = caseView["caseId"] as? String,
                  let number = numbers[applicant.applicationId.lowercased()]
            else { throw AuthorizationProbeError(description: "no case or seat for \(applicant.serial): \(caseView)") }
            return Owner(
                applicant: applicant, caseId: caseId, documentIds: VerificationJourney.documentIds(caseView),
                participantNumber: number, name: TestApplicants.name(serial: applicant.serial))
        }
        return AuthorizationWorld(
            suite: suite,
            tokens: [
                "applicant": applicantA.token, "verifier": officers.verifier, "supervisor": officers.supervisor,
                "exam_officer": officers.exam, "announcer": try await announcer.token, "admin": suite.admin,
            ],
            a: try await owner(applicantA), b: try await owner(applicantB), sessionId: sessionId)
    }

    /// Path and query values for the matrix: applicant A's ids where an operation names one of them.
    var values: [String: String] {
        [
            "applicationId": a.applicationId, "caseId": a.caseId, "documentId": a.documentIds.first ?? "",
            "requirementCode": "ijazah", "periodId": suite.periodId, "formationId": suite.formationIds[0],
            "sessionId": sessionId, "participantNumber": a.participantNumber, "trackingCode": "FB-7K3M-Q9XW-2HPD",
        ]
    }
}
