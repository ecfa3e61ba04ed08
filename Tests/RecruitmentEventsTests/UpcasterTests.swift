import Foundation
import RecruitmentEvents
import Testing

/// A test-only event, so that upcaster mechanics are tested without touching the catalogue.
struct ProbeGreetingV1: RecruitmentEvent {
    static let eventType = "asn.registration.probe-greeting.v1"
    static let topic = RecruitmentTopic.registration
    static var example: Self { ProbeGreetingV1(fullName: "Maria Goreti Fanggidae", language: "id") }

    var fullName: String
    var language: String

    var partitionKey: String { fullName }
    var subject: String { "probe/\(fullName)" }
}

enum UpcastProbeError: Error { case missingName }

@Suite("Upcasting older event versions")
struct UpcasterTests {
    /// A plausible retired SKD result format (test only): flat sub-scores, no total, no passing-grade verdict.
    static let skdResultV0 = "asn.exam.skd-result-recorded.v0"

    static let skdUpcaster = EventUpcaster(from: skdResultV0, to: SkdResultRecordedV1.self) { old in
        var new = old
        let twk = old["twk"]?.integerValue ?? 0
        let tiu = old["tiu"]?.integerValue ?? 0
        let tkp = old["tkp"]?.integerValue ?? 0
        new["twk"] = nil
        new["tiu"] = nil
        new["tkp"] = nil
        new["scores"] = .object([
            "twk": .integer(twk), "tiu": .integer(tiu), "tkp": .integer(tkp), "total": .integer(twk + tiu + tkp),
        ])
        new["source"] = .string("answer-sheet")
        new["passingGrade"] = .object(["twk": .integer(65), "tiu": .integer(80), "tkp": .integer(166)])
        new["meetsPassingGrade"] = .bool(twk >= 65 && tiu >= 80 && tkp >= 166)
        return new
    }

    static func skdV0Envelope() throws -> EventEnvelope {
        let v1 = SkdResultRecordedV1.example
        let payload: EventJSON = .object([
            "applicationId": .string(v1.applicationId.uuidString),
            "applicantId": .string(v1.applicantId.uuidString),
            "formationId": .string(v1.formationId.uuidString),
            "formationKind": .string("umum"),
            "participantNumber": .string(v1.participantNumber),
            "sessionId": .string(v1.sessionId!.uuidString),
            "twk": .integer(110), "tiu": .integer(130), "tkp": .integer(202),
        ])
        return EventEnvelope(
            type: skdResultV0, source: RecruitmentTopic.exam.source, subject: v1.subject, time: Date(),
            streamId: "skd-result", streamVersion: 1, partitionKey: v1.partitionKey,
            data: try EventCoding.encode(payload))
    }

    @Test("A registered upcaster turns a v0 payload into the current SkdResultRecordedV1")
    func upcastsToCurrentType() throws {
        let registry = try EventRegistry(types: EventRegistry.catalogue, upcasters: [Self.skdUpcaster])
        let event = try registry.decode(try Self.skdV0Envelope())
        let result = try #require(event as? SkdResultRecordedV1)
        #expect(result == SkdResultRecordedV1.example)
        #expect(result.scores.total == 442)

        let upcast = try registry.upcast(try Self.skdV0Envelope())
        #expect(upcast.type == SkdResultRecordedV1.eventType)
        #expect(try upcast.decode(as: SkdResultRecordedV1.self) == SkdResultRecordedV1.example)
    }

    @Test("Without the upcaster the old type is unknown")
    func unknownWithoutUpcaster() throws {
        #expect(throws: EventDecodingError.unknownType(Self.skdResultV0)) {
            try EventRegistry.standard.decode(try Self.skdV0Envelope())
        }
    }

    @Test("Upcasters chain: v-1 → v0 → v1")
    func chains() throws {
        let registry = try EventRegistry(types: [ProbeGreetingV1.self], upcasters: [
            EventUpcaster(from: "asn.registration.probe-greeting.v-1", to: "asn.registration.probe-greeting.v0") {
                .object(["name": $0["nama"] ?? .null])
            },
            EventUpcaster(from: "asn.registration.probe-greeting.v0", to: ProbeGreetingV1.self) {
                guard let name = $0["name"]?.stringValue else { throw UpcastProbeError.missingName }
                return .object(["fullName": .string(name), "language": .string("id")])
            },
        ])
        let event = try registry.decode(
            type: "asn.registration.probe-greeting.v-1", data: Array(#"{"nama":"Maria Goreti Fanggidae"}"#.utf8))
        #expect(sameEvent(event, ProbeGreetingV1.example))
    }

    @Test("A failing transform, a dangling target and a cycle are upcast or unknown-type errors")
    func failures() throws {
        let registry = try EventRegistry(types: [ProbeGreetingV1.self], upcasters: [
            EventUpcaster(from: "asn.registration.probe-greeting.v0", to: ProbeGreetingV1.self) { _ in
                throw UpcastProbeError.missingName
            },
            EventUpcaster(from: "asn.registration.probe-dangling.v0", to: "asn.registration.probe-dangling.v1") { $0 },
            EventUpcaster(from: "asn.registration.probe-loop.v0", to: "asn.registration.probe-loop.v1") { $0 },
            EventUpcaster(from: "asn.registration.probe-loop.v1", to: "asn.registration.probe-loop.v0") { $0 },
        ])
        let empty = Array("{}".utf8)
        let failed = #expect(throws: EventDecodingError.self) {
            try registry.decode(type: "asn.registration.probe-greeting.v0", data: empty)
        }
        #expect(failed?.code == "upcast-failed")
        #expect(throws: EventDecodingError.unknownType("asn.registration.probe-dangling.v1")) {
            try registry.decode(type: "asn.registration.probe-dangling.v0", data: empty)
        }
        let loop = #expect(throws: EventDecodingError.self) {
            try registry.decode(type: "asn.registration.probe-loop.v0", data: empty)
        }
        #expect(loop?.code == "upcast-failed")
    }

    @Test("An upcaster may not start from a registered type, nor two from the same type")
    func registrationRules() throws {
        let shadowing = EventUpcaster(from: ProbeGreetingV1.eventType, to: ProbeGreetingV1.self) { $0 }
        #expect(throws: EventRegistryError.upcasterShadowsRegisteredType(ProbeGreetingV1.eventType)) {
            try EventRegistry(types: [ProbeGreetingV1.self], upcasters: [shadowing])
        }
        let v0 = EventUpcaster(from: "asn.registration.probe-greeting.v0", to: ProbeGreetingV1.self) { $0 }
        #expect(throws: EventRegistryError.duplicateUpcaster(from: "asn.registration.probe-greeting.v0")) {
            try EventRegistry(types: [ProbeGreetingV1.self], upcasters: [v0, v0])
        }
    }
}
