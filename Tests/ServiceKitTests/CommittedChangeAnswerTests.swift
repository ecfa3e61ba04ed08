@testable import ServiceKit
import Synchronization
import Testing

/// Stands in for PostgresNIO's pool error ("cannot create connections"), which ``DatabaseFailure`` recognises by its
/// type name because the real type is not public API.
struct SimulatedConnectionPoolError: Error {}
struct ConstraintViolated: Error {}

@Suite struct CommittedChangeAnswerTests {
    @Test func readsAreRetriedWhileTheDatabaseIsBrieflyAway() async throws {
        let attempts = Mutex(0)
        let answer = try await answeringCommittedChange(within: .seconds(60)) {
            let attempt = attempts.withLock { $0 += 1; return $0 }
            if attempt < 3 { throw SimulatedConnectionPoolError() }
            return "answer"
        }
        #expect(answer == "answer")
        #expect(attempts.withLock { $0 } == 3)
    }

    @Test func otherFailuresAreThrownAtOnce() async {
        let attempts = Mutex(0)
        await #expect(throws: ConstraintViolated.self) {
            try await answeringCommittedChange(within: .seconds(60)) { () async throws -> Int in
                attempts.withLock { $0 += 1 }
                throw ConstraintViolated()
            }
        }
        #expect(attempts.withLock { $0 } == 1)
    }

    @Test func aDatabaseAwayLongerThanTheWindowFailsTheAnswer() async {
        let start = ContinuousClock.now
        await #expect(throws: SimulatedConnectionPoolError.self) {
            try await answeringCommittedChange(within: .milliseconds(500)) { () async throws -> Int in
                throw SimulatedConnectionPoolError()
            }
        }
        #expect(ContinuousClock.now - start < .seconds(30), "it gave up after the window")
    }
}
