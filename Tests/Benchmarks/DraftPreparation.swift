import Foundation
import SuiteHarness

/// An application ready for the measured requests: its id and its applicant's token.
struct PreparedDraft: Sendable {
    var serial: Int
    var applicationId: String
    var token: String
}

/// Prepares drafts through the public API before a measurement (never timed as part of it): sign up, log in, start an
/// application for one formation and, for complete drafts, upload the six national documents (DOMAIN §1.3).
struct DraftPreparation: Sendable {
    let journey: RegistrationJourney
    let formationId: String
    /// Applicants prepared at the same time.
    let concurrency: Int
    /// Whether to upload the national documents (a draft ready to submit) or only start the application.
    let withDocuments: Bool

    /// Prepares one draft per serial, `concurrency` at a time; returns them in serial order.
    func prepare(serials: Range<Int>, what: String) async throws -> [PreparedDraft] {
        guard !serials.isEmpty else { return [] }
        let start = ContinuousClock.now
        var drafts: [Int: PreparedDraft] = [:]
        try await withThrowingTaskGroup(of: PreparedDraft.self) { group in
            var next = serials.lowerBound
            while next < serials.upperBound, next - serials.lowerBound < concurrency {
                let serial = next
                group.addTask { try await draft(serial: serial) }
                next += 1
            }
            for try await draft in group {
                drafts[draft.serial] = draft
                if next < serials.upperBound {
                    let serial = next
                    group.addTask { try await self.draft(serial: serial) }
                    next += 1
                }
            }
        }
        let elapsed = ContinuousClock.now - start
        BenchReport.line("prepared \(serials.count) \(what) in \(elapsed.formattedSeconds) "
                         + String(format: "(%.0f/s, %d at a time; not measured)",
                                  Double(serials.count) / elapsed.seconds, concurrency))
        return serials.map { drafts[$0]! }
    }

    private func draft(serial: Int) async throws -> PreparedDraft {
        _ = try await journey.createAccount(
            serial: serial, female: BenchApplicants.female(serial: serial),
            birthDate: BenchApplicants.birthDate(serial: serial))
        let token = try await login(serial: serial)
        let applicationId = try await journey.start(formationId: formationId, token: token)
        if withDocuments {
            try await journey.uploadNationalDocuments(applicationId: applicationId, token: token, marker: "\(serial)")
        }
        return PreparedDraft(serial: serial, applicationId: applicationId, token: token)
    }

    /// Logs in, waiting out the per-client login limit (10,000 a minute) if a large preparation exceeds it.
    private func login(serial: Int) async throws -> String {
        for _ in 0..<300 {
            do {
                return try await journey.login(serial: serial)
            } catch let failure as RegistrationJourney.Failure where failure.status == 429 {
                try await Task.sleep(for: .seconds(1))
            }
        }
        return try await journey.login(serial: serial)
    }
}

/// Unique, valid benchmark applicants for any serial up to 279,972: ``TestApplicants`` varies the NIK serial with
/// `serial` (mod 9,999); the birth day, which the NIK also encodes, takes over above that. Ages stay 23-33, inside
/// the default age limits of a formation.
enum BenchApplicants {
    static func birthDate(serial: Int) -> (year: Int, month: Int, day: Int) {
        (year: 1993 + serial % 10, month: 1 + serial % 12, day: 1 + (serial / 9_999) % 28)
    }

    static func female(serial: Int) -> Bool { serial % 2 == 0 }
}
