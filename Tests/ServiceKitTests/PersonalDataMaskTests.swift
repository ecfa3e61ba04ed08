import Testing
@testable import ServiceKit

@Suite struct PersonalDataMaskTests {
    @Test func masksSixteenDigitRuns() {
        #expect(PersonalDataMask.apply("nik 5371024507950001 rejected") == "nik [redacted-16-digits] rejected")
        #expect(PersonalDataMask.apply("5371024507950001") == "[redacted-16-digits]")
    }

    @Test func leavesOtherNumbersAlone() {
        #expect(PersonalDataMask.apply("position 123456789012345") == "position 123456789012345")
        #expect(PersonalDataMask.apply("offset 12345678901234567") == "offset 12345678901234567")
        #expect(PersonalDataMask.apply("no digits") == "no digits")
    }
}
