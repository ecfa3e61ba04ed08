import Testing
@testable import Verification

/// What an officer is told when registration does not hand a document over: a brief outage there (a restart, its
/// database away) is worth retrying; a refusal is not.
@Suite struct RegistrationDocumentClientTests {
    @Test(arguments: [502, 503, 504])
    func aBriefOutageOfRegistrationIsReportedAsUnavailableForNow(status: Int) {
        let failure = RegistrationDocumentClient.Failure.answered(status)
        #expect(failure == .unreachable("the registration service answered \(status)"))
    }

    @Test(arguments: [401, 403, 404, 500])
    func aRefusalIsReportedWithRegistrationsStatus(status: Int) {
        #expect(RegistrationDocumentClient.Failure.answered(status) == .unavailable(status: status))
    }
}
