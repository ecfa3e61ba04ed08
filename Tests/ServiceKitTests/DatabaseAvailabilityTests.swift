@testable import ServiceKit
import Testing

@Suite struct DatabaseAvailabilityTests {
    @Test func oneMissedPingIsNotAnOutageTwoAre() {
        var availability = DatabaseAvailability()
        #expect(availability.record(failure: nil) == nil, "the first verdict is not a transition")
        #expect(availability.available == true)

        #expect(availability.record(failure: "no answer within 1.0 seconds") == nil)
        #expect(availability.available == true, "one slow ping on a busy machine keeps the API open")
        #expect(availability.record(failure: nil) == nil)
        #expect(availability.consecutiveFailures == 0, "an answer resets the count")

        #expect(availability.record(failure: "slow") == nil)
        #expect(availability.record(failure: "connection refused") == .wentDown(reason: "connection refused"))
        #expect(availability.available == false)
        #expect(availability.record(failure: "still refused") == nil, "down is reported once")
        #expect(availability.reason == "still refused")

        #expect(availability.record(failure: nil) == .cameBack)
        #expect(availability.available == true)
        #expect(availability.reason == nil)
    }

    @Test func aDatabaseThatNeverAnsweredIsDownAtOnce() {
        var availability = DatabaseAvailability()
        #expect(availability.available == nil)
        #expect(availability.record(failure: "connection refused") == nil, "the first verdict is not a transition")
        #expect(availability.available == false)
        #expect(availability.reason == "connection refused")
        #expect(availability.record(failure: nil) == .cameBack)
        #expect(availability.available == true)
    }
}
