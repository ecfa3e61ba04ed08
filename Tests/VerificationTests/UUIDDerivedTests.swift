import Foundation
import RecruitmentEvents
import Testing
@testable import Verification

/// Ids derived from names (RFC 9562 version 8 over SHA-256), so ids born from consumed events survive a replay.
@Suite struct UUIDDerivedTests {
    @Test func theSameNameGivesTheSameId() {
        #expect(UUID.derived(from: "asn.verification.case/x") == UUID.derived(from: "asn.verification.case/x"))
    }

    @Test func differentNamesGiveDifferentIds() {
        let ids = Set((0..<2000).map { UUID.derived(from: "name-\($0)") })
        #expect(ids.count == 2000)
        #expect(UUID.derived(from: "a") != UUID.derived(from: "A"))
        #expect(UUID.derived(from: "") != UUID.derived(from: " "))
    }

    @Test(arguments: ["", "a", "asn.verification.case/4d01af47-657f-4d17-8a20-f441f6c457b7", "Kupang 🌴"])
    func theIdIsVersionEightWithTheRFCVariant(_ name: String) {
        let bytes = UUID.derived(from: name).uuid
        #expect(bytes.6 >> 4 == 0x8, "version nibble")
        #expect(bytes.8 & 0xC0 == 0x80, "variant bits 10")
    }

    @Test func theIdIsTheFirstSixteenBytesOfSHA256WithVersionAndVariantSet() {
        // SHA-256("") = e3b0c44298fc1c149afbf4c8996fb924…: byte 6 0x1c → 0x8c, byte 8 0x9a → 0x9a.
        #expect(UUID.derived(from: "") == UUID(uuidString: "e3b0c442-98fc-8c14-9afb-f4c8996fb924"))
    }

    @Test func aCaseIdIsStableAcrossReleases() {
        // Case ids are stored: changing the derivation would open every case a second time on a replay.
        let application = UUID(uuidString: "4d01af47-657f-4d17-8a20-f441f6c457b7")!
        #expect(VerificationCase.caseId(forApplication: application)
            == UUID(uuidString: "cf2a23ad-ba33-8ddf-a950-a83f175212b1"))
        #expect(VerificationCase.caseId(forApplication: application)
            == UUID.derived(from: "asn.verification.case/4d01af47-657f-4d17-8a20-f441f6c457b7"))
    }

    @Test func differentApplicationsHaveDifferentCases() {
        let first = VerificationCase.caseId(forApplication: UUID(uuidString: "6b37492b-8659-451e-be75-22f0a9533f75")!)
        let second = VerificationCase.caseId(forApplication: UUID(uuidString: "e8caf529-39e5-4ac4-adfd-29baaa3271d3")!)
        #expect(first != second)
        #expect(VerificationCase.streamId(first) == "verification-case-\(first.eventKey)")
    }
}
