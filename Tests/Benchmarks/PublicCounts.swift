import Foundation
import RecruitmentEvents
import SuiteHarness

/// Reads what the announcements service publishes: applicant counts per formation and its consumed partitions.
struct PublicCounts: Sendable {
    /// The announcements service's base URL.
    let baseURL: String

    /// `applicants` of `GET /v1/formations/{id}/counts`; 0 while the formation has none (404).
    func applicants(formation: UUID) async throws -> Int {
        let response = try await TestHTTP.get("\(baseURL)/v1/formations/\(formation.eventKey)/counts")
        switch response.status {
        case 200:
            guard let count = response.json["applicants"] as? Int else {
                throw BenchError.unexpectedResponse("formation counts", status: 200, body: response.text)
            }
            return count
        case 404:
            return 0
        default:
            throw BenchError.unexpectedResponse("formation counts", status: response.status, body: response.text)
        }
    }

    /// The counts of `formations`, read concurrently.
    func applicants(formations: [UUID]) async throws -> [UUID: Int] {
        try await withThrowingTaskGroup(of: (UUID, Int).self) { group in
            for formation in formations {
                group.addTask { (formation, try await applicants(formation: formation)) }
            }
            var counts: [UUID: Int] = [:]
            for try await (formation, count) in group { counts[formation] = count }
            return counts
        }
    }

    /// How many partitions the service's projections have been assigned (`consumes` of `/info`).
    func assignedPartitions() async throws -> Int {
        let response = try await TestHTTP.get("\(baseURL)/info")
        guard response.status == 200, let consumes = response.json["consumes"] as? [Any] else {
            throw BenchError.unexpectedResponse("/info", status: response.status, body: response.text)
        }
        return consumes.count
    }

    /// Polls until the projections hold partitions; returns when that was first seen.
    func waitForAssignment(timeout: Duration, interval: Duration) async throws -> ContinuousClock.Instant {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await assignedPartitions() > 0 { return .now }
            try await Task.sleep(for: interval)
        }
        throw BenchError.timedOut("the announcements projections were not assigned partitions within \(timeout)")
    }
}
