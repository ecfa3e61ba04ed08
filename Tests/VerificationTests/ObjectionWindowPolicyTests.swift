import Foundation
import RecruitmentEvents
import Testing
@testable import Verification

/// The masa sanggah: calendar days after the announcement's day in the agency's time zone, closing at the last
/// second of the day (DOMAIN §1.5).
@Suite struct ObjectionWindowPolicyTests {
    typealias F = Fixture

    @Test func theStandardPolicyIsThreeAndSevenDays() {
        #expect(ObjectionWindowPolicy.standard == ObjectionWindowPolicy(windowDays: 3, answerDays: 7))
    }

    @Test func aPublicationInKupangMatchesTheCatalogueExample() throws {
        let publishedAt = F.instant("2024-09-19T10:00:00+08:00")
        let window = ObjectionWindowPolicy.standard.window(publishedAt: publishedAt, timeZone: F.wita)
        #expect(window.opensAt == publishedAt)
        #expect(window.closesAt == F.instant("2024-09-22T15:59:59Z"))
        #expect(window.answersDueAt == F.instant("2024-09-29T15:59:59Z"))
        let example = try #require(AdministrativeResultsPublishedV1.example.objectionWindow)
        #expect(window.closesAt == example.closesAt)
        #expect(window.answersDueAt == example.answersDueAt)
    }

    @Test func theSameInstantInJakartaClosesAnHourLaterInUTC() {
        let window = ObjectionWindowPolicy.standard.window(
            publishedAt: F.instant("2024-09-19T10:00:00+08:00"), timeZone: F.wib)
        #expect(window.closesAt == F.instant("2024-09-22T16:59:59Z"))
        #expect(window.answersDueAt == F.instant("2024-09-29T16:59:59Z"))
    }

    @Test func inJayapuraItClosesAnHourEarlierInUTC() {
        let window = ObjectionWindowPolicy.standard.window(
            publishedAt: F.instant("2024-09-19T10:00:00+08:00"), timeZone: F.wit)
        #expect(window.closesAt == F.instant("2024-09-22T14:59:59Z"))
    }

    @Test func aLateEveningPublicationStillCountsTheFollowingDays() {
        // 23:30 WITA is 15:30Z of the same day; the window runs through the 20th, 21st and 22nd.
        let publishedAt = F.instant("2024-09-19T23:30:00+08:00")
        let window = ObjectionWindowPolicy.standard.window(publishedAt: publishedAt, timeZone: F.wita)
        #expect(window.opensAt == publishedAt)
        #expect(window.closesAt == F.instant("2024-09-22T23:59:59+08:00"))
        #expect(window.answersDueAt == F.instant("2024-09-29T23:59:59+08:00"))
    }

    @Test func theDayIsTheAgencysNotUTCs() {
        // 00:30 WITA on the 20th is still the 19th in UTC, but the announcement's day is the 20th.
        let publishedAt = F.instant("2024-09-20T00:30:00+08:00")
        let window = ObjectionWindowPolicy.standard.window(publishedAt: publishedAt, timeZone: F.wita)
        #expect(window.closesAt == F.instant("2024-09-23T23:59:59+08:00"))
        #expect(window.answersDueAt == F.instant("2024-09-30T23:59:59+08:00"))
    }

    @Test func aPublicationAtMidnightCountsItsOwnDayAsTheAnnouncementsDay() {
        let window = ObjectionWindowPolicy.standard.window(
            publishedAt: F.instant("2024-09-19T00:00:00+08:00"), timeZone: F.wita)
        #expect(window.closesAt == F.instant("2024-09-22T23:59:59+08:00"))
    }

    @Test func theWindowRunsAcrossTheEndOfAMonthAndYear() {
        let window = ObjectionWindowPolicy.standard.window(
            publishedAt: F.instant("2024-12-30T14:00:00+08:00"), timeZone: F.wita)
        #expect(window.closesAt == F.instant("2025-01-02T23:59:59+08:00"))
        #expect(window.answersDueAt == F.instant("2025-01-09T23:59:59+08:00"))
    }

    @Test func theDaysAreConfigurable() {
        let window = ObjectionWindowPolicy(windowDays: 5, answerDays: 10).window(
            publishedAt: F.instant("2024-09-19T10:00:00+08:00"), timeZone: F.wita)
        #expect(window.closesAt == F.instant("2024-09-24T23:59:59+08:00"))
        #expect(window.answersDueAt == F.instant("2024-10-04T23:59:59+08:00"))
    }

    // MARK: Accepting and overdue

    @Test(arguments: [
        (-1.0, false), (-0.001, false), (0, true), (3600, true),
    ])
    func objectionsAreAcceptedFromTheOpeningInstant(_ offset: TimeInterval, _ accepted: Bool) {
        #expect(F.window.accepts(F.window.opensAt + offset) == accepted)
    }

    @Test(arguments: [
        (-1.0, true), (0, true), (0.5, true), (0.999, true), (1, false), (1.001, false), (86_400, false),
    ])
    func objectionsAreAcceptedThroughTheWholeClosingSecond(_ offset: TimeInterval, _ accepted: Bool) {
        #expect(F.window.accepts(F.window.closesAt + offset) == accepted)
    }

    @Test(arguments: [
        (-86_400.0, false), (0, false), (0.999, false), (1, true), (86_400, true),
    ])
    func anAnswerIsOverdueOnceTheDueSecondHasPassed(_ offset: TimeInterval, _ overdue: Bool) {
        #expect(F.window.isAnswerOverdue(at: F.window.answersDueAt + offset) == overdue)
    }
}
