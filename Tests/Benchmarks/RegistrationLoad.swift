import Foundation
import SuiteHarness

/// An open-loop stream of registrations: request `i` is sent at `start + i / rate` whether or not earlier ones were
/// answered, so a slow service cannot slow the load down (no coordinated omission).
struct RegistrationLoad: Sendable {
    /// What happened to one request.
    struct Outcome: Sendable {
        /// When it was due to be sent: latencies count from here.
        var scheduled: ContinuousClock.Instant
        /// When its response (or error) arrived.
        var completed: ContinuousClock.Instant
        /// The HTTP status, or `nil` if the request failed without one.
        var status: Int?
        /// The response body of an unexpected status, or the transport error.
        var failure: String?

        var isAccepted: Bool { status == 201 }
    }

    let registrationURL: String
    let formationId: String
    let rate: Int
    let seconds: Int
    /// The applicant serial of the first request (the next ones count up from it).
    let firstSerial: Int

    func run() async -> [Outcome] {
        let total = rate * seconds
        let interval = Duration.seconds(1) / rate
        let start = ContinuousClock.now + .milliseconds(20)
        return await withTaskGroup(of: Outcome.self) { group in
            for index in 0..<total {
                let scheduled = start + interval * index
                try? await Task.sleep(until: scheduled, clock: .continuous)
                let serial = firstSerial + index
                group.addTask { await send(serial: serial, scheduled: scheduled) }
            }
            var outcomes: [Outcome] = []
            outcomes.reserveCapacity(total)
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
    }

    private func send(serial: Int, scheduled: ContinuousClock.Instant) async -> Outcome {
        let body = Self.registration(formationId: formationId, serial: serial)
        do {
            let response = try await TestHTTP.post("\(registrationURL)/v1/registrations", json: body)
            return Outcome(scheduled: scheduled, completed: .now, status: response.status,
                           failure: response.status == 201 ? nil : response.text)
        } catch {
            return Outcome(scheduled: scheduled, completed: .now, status: nil, failure: "\(error)")
        }
    }

    /// A valid, unique registration for any serial up to 279,972: ``TestApplicants`` varies the NIK serial with
    /// `serial` (mod 9,999); the birth day, which the NIK also encodes, takes over above that. Ages stay 23-33.
    static func registration(formationId: String, serial: Int) -> [String: Any] {
        let birthDate = (year: 1993 + serial % 10, month: 1 + serial % 12, day: 1 + (serial / 9_999) % 28)
        return TestApplicants.registration(
            formationId: formationId, serial: serial, female: serial % 2 == 0, birthDate: birthDate)
    }
}
