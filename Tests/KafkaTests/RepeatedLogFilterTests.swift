import Testing
@testable import Kafka

@Suite("Repeated librdkafka log lines")
struct RepeatedLogFilterTests {
    @Test("a reconnect storm logs once per window and then says how many lines were held back")
    func holdsBackRepeatsWithinTheWindow() {
        let filter = RepeatedLogFilter(window: .seconds(30))
        let start = ContinuousClock.now
        #expect(filter.admit("FAIL connect failed after 0ms", now: start) == 0)
        #expect(filter.admit("FAIL connect failed after 3ms", now: start + .seconds(1)) == nil)
        #expect(filter.admit("FAIL connect failed after 12ms", now: start + .seconds(29)) == nil)
        #expect(filter.admit("FAIL connect failed after 1ms", now: start + .seconds(31)) == 2)
        #expect(filter.admit("FAIL connect failed after 1ms", now: start + .seconds(32)) == nil)
    }

    @Test("different lines are not held back by each other")
    func differentLinesPass() {
        let filter = RepeatedLogFilter()
        let now = ContinuousClock.now
        #expect(filter.admit("FAIL broker down", now: now) == 0)
        #expect(filter.admit("ERROR topic missing", now: now) == 0)
    }
}
