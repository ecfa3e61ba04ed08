import Foundation
import RecruitmentEvents
import ServiceKit
import Testing
@testable import Verification

/// The intake's direct JSON reading and writing give exactly what ``EventCoding`` gives, or step aside.
@Suite struct IntakeCodingTests {
    static func submissions() -> [ApplicationSubmittedV1] {
        var list: [ApplicationSubmittedV1] = [.example]
        for serial in 0..<50 {
            var submission = ApplicationSubmittedV1.example
            submission.applicationId = UUID()
            submission.applicantId = UUID()
            submission.periodId = UUID()
            submission.formationId = UUID()
            submission.formationKind = FormationKind.allCases[serial % FormationKind.allCases.count]
            submission.registrationNumber = "ASN-26-\(String(format: "%07d", serial))-\(serial % 10)"
            submission.applicantName = serial % 2 == 0 ? "Maria Goreti Nahak \(serial)" : "Yohanes Ndolu Ñañez 😀"
            submission.education.institution = serial % 3 == 0 ? nil : "Universitas Nusa Cendana"
            submission.documents = serial % 7 == 0 ? [] : submission.documents.map { document in
                var copy = document
                copy.documentId = UUID()
                return copy
            }
            list.append(submission)
        }
        return list
    }

    @Test func readsSubmissionsAsTheDecoderDoes() throws {
        for submission in Self.submissions() {
            let bytes = try EventCoding.encode(submission)
            let direct = try #require(IntakeCoding.submission(from: bytes))
            #expect(direct == (try EventCoding.decode(ApplicationSubmittedV1.self, from: bytes)))
            #expect(direct == submission)
        }
        // Whitespace, key order, lower-case UUIDs and an explicit null are all still the plain shape.
        let example = ApplicationSubmittedV1.example
        var object = try #require(try JSONSerialization.jsonObject(with: Data(EventCoding.encode(example))) as? [String: Any])
        object["applicationId"] = example.applicationId.eventKey
        var education = try #require(object["education"] as? [String: Any])
        education["institution"] = NSNull()
        object["education"] = education
        let pretty = Array(try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]))
        let direct = try #require(IntakeCoding.submission(from: pretty))
        #expect(direct == (try EventCoding.decode(ApplicationSubmittedV1.self, from: pretty)))
    }

    @Test func stepsAsideForAnythingElse() throws {
        let plain = String(decoding: try EventCoding.encode(ApplicationSubmittedV1.example), as: UTF8.self)
        let applicationId = ApplicationSubmittedV1.example.applicationId.uuidString
        let variants = [
            plain.replacingOccurrences(of: "\"applicantName\":\"", with: "\"applicantName\":\"\\u0041"),  // escape
            plain.replacingOccurrences(of: "{\"academicGrade\"", with: "{\"extra\":1,\"academicGrade\""),  // unknown key
            plain.replacingOccurrences(of: applicationId, with: "not-a-uuid"),
            plain.replacingOccurrences(of: "\"formationKind\":\"umum\"", with: "\"formationKind\":\"other\""),
            plain.replacingOccurrences(of: "\"formationKind\":\"umum\",", with: ""),  // missing key
            String(plain.dropLast()),  // truncated
            plain + "x",  // trailing garbage
            plain.replacingOccurrences(of: "{\"academicGrade\"", with: "{\"periodId\":\"\(UUID())\",\"academicGrade\""),
        ]
        for variant in variants {
            #expect(IntakeCoding.submission(from: Array(variant.utf8)) == nil, "\(variant)")
        }
        // Through the registry the outcome is the decoder's: a value for the escape and the unknown key, the same
        // error for the rest.
        let registry = EventRegistry.standard
        for variant in variants {
            let envelope = EventEnvelope(
                type: ApplicationSubmittedV1.eventType, source: "/asn/registration", subject: nil, time: Date(),
                streamId: "application-1", streamVersion: 2, partitionKey: "k", data: Array(variant.utf8))
            let expected = Result { try registry.decode(envelope) }
            let actual = Result { try IntakeCoding.decode(envelope, registry: registry) }
            switch (expected, actual) {
            case let (.success(expected), .success(actual)):
                #expect((expected as? ApplicationSubmittedV1) == (actual as? ApplicationSubmittedV1))
            case let (.failure(expected), .failure(actual)):
                #expect("\(expected)" == "\(actual)")
            default:
                Issue.record("different outcomes for \(variant): \(expected) vs \(actual)")
            }
        }
    }

    @Test func writesTheOpeningAsTheEncoderDoes() throws {
        let encoder = EventCoding.makeEncoder()
        for submission in Self.submissions() {
            let event = VerificationCase(opening: submission, submittedAt: Date(), openedAt: Date()).openedEvent
            #expect(event.plainJSON(escapesSlashes: false) == Array(try encoder.encode(event)))
        }
        var event = VerificationCaseOpenedV1.example
        event.registrationNumber = "ASN \"26\""
        #expect(event.plainJSON(escapesSlashes: false) == nil)
        #expect(try EventCoding.encode(event) == Array(try encoder.encode(event)))
    }

    @Test func uuidParsing() {
        for _ in 0..<1_000 {
            let uuid = UUID()
            #expect(IntakeCoding.uuid(uuid.uuidString) == uuid)
            #expect(IntakeCoding.uuid(uuid.eventKey) == uuid)
        }
        for odd in ["", "0", "00000000-0000-0000-0000-00000000000g", "000000000000-0000-0000-0000-00000000",
                    "{00000000-0000-0000-0000-000000000000}"] {
            #expect(IntakeCoding.uuid(odd) == nil)
            #expect(UUID(uuidString: odd) == nil)
        }
    }
}
