import Foundation
import RecruitmentEvents
import Testing

@Suite("EventRegistry")
struct EventRegistryTests {
    @Test("The standard registry holds every RecruitmentEvent type declared in Catalogue/, each exactly once")
    func coversTheWholeCatalogue() throws {
        let declaration = try NSRegularExpression(pattern: #"public struct (\w+)\s*:\s*RecruitmentEvent\b"#)
        var declared: [String] = []
        for file in RepositoryPaths.swiftFiles(below: RepositoryPaths.catalogueSources) {
            let source = try String(contentsOf: file, encoding: .utf8)
            let range = NSRange(source.startIndex..., in: source)
            for match in declaration.matches(in: source, range: range) {
                declared.append(String(source[Range(match.range(at: 1), in: source)!]))
            }
        }
        let registered = EventRegistry.standard.eventTypes.map { String(describing: $0) }
        #expect(declared.count >= 33, "found only \(declared.count) declarations; is the source path right?")
        #expect(Set(registered).count == registered.count, "a type is registered twice")
        let unregistered = Set(declared).subtracting(registered).sorted()
        let undeclared = Set(registered).subtracting(declared).sorted()
        #expect(Set(declared) == Set(registered), "not registered: \(unregistered); not declared: \(undeclared)")
    }

    @Test("ce_types are unique, versioned like the Swift name, and prefixed by their topic")
    func typeNames() throws {
        let pattern = try NSRegularExpression(
            pattern: #"^asn\.(registration|verification|exam|announcement)\.[a-z0-9]+(-[a-z0-9]+)*\.v([0-9]+)$"#)
        let types = EventRegistry.catalogue
        #expect(Set(types.map { $0.eventType }).count == types.count)
        for type in types {
            let name = type.eventType
            let match = pattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name))
            #expect(match != nil, "\(name) does not follow asn.<context>.<event-name>.v<N>")
            guard let match else { continue }
            let context = String(name[Range(match.range(at: 1), in: name)!])
            let version = String(name[Range(match.range(at: 3), in: name)!])
            #expect(type.topic.rawValue == "recruitment." + context, "\(name) is published on \(type.topic.rawValue)")
            #expect(String(describing: type).hasSuffix("V" + version), "\(type) should end in V\(version)")
            #expect(EventRegistry.standard.eventType(named: name) == type)
        }
    }

    @Test("Registering a ce_type twice is an error")
    func duplicateRegistration() throws {
        var registry = try EventRegistry(types: [ApplicationSubmittedV1.self])
        #expect(throws: EventRegistryError.duplicateType(ApplicationSubmittedV1.eventType)) {
            try registry.register(ApplicationSubmittedV1.self)
        }
    }

    @Test("An unknown ce_type is an unknownType error")
    func unknownType() throws {
        let envelope = try envelope(
            of: ApplicationSubmittedV1.example, type: "asn.registration.application-teleported.v1")
        let error = #expect(throws: EventDecodingError.self) { try EventRegistry.standard.decode(envelope) }
        #expect(error == .unknownType("asn.registration.application-teleported.v1"))
        #expect(error?.code == "unknown-type")
    }

    @Test("A known ce_type with a payload that does not fit is an undecodablePayload error naming the field")
    func undecodablePayload() throws {
        var envelope = try envelope(of: ApplicationSubmittedV1.example)
        var document = try EventCoding.decode(EventJSON.self, from: envelope.data)
        document["formationKind"] = .string("istimewa")
        envelope.data = try EventCoding.encode(document)
        let error = #expect(throws: EventDecodingError.self) { try EventRegistry.standard.decode(envelope) }
        guard case .undecodablePayload(let type, let reason)? = error else {
            Issue.record("expected undecodablePayload, got \(String(describing: error))")
            return
        }
        #expect(type == ApplicationSubmittedV1.eventType)
        #expect(reason.contains("formationKind"))
        #expect(error?.code == "undecodable-payload")

        envelope.data = Array("not json".utf8)
        let notJSON = #expect(throws: EventDecodingError.self) { try EventRegistry.standard.decode(envelope) }
        #expect(notJSON?.code == "undecodable-payload")
    }

    @Test("A missing required field is reported with its name")
    func missingField() throws {
        var envelope = try envelope(of: SkdResultRecordedV1.example)
        var document = try EventCoding.decode(EventJSON.self, from: envelope.data)
        document["scores"] = nil
        envelope.data = try EventCoding.encode(document)
        let error = #expect(throws: EventDecodingError.self) { try EventRegistry.standard.decode(envelope) }
        #expect(error?.description.contains("\"scores\"") == true, "\(String(describing: error))")
    }

    @Test("decode(as:) refuses another type")
    func typeMismatch() throws {
        let envelope = try envelope(of: ApplicationSubmittedV1.example)
        #expect(throws: EventDecodingError.typeMismatch(
            expected: ApplicationWithdrawnV1.eventType, actual: ApplicationSubmittedV1.eventType)) {
            try envelope.decode(as: ApplicationWithdrawnV1.self)
        }
    }

    private func envelope(of event: some RecruitmentEvent, type: String? = nil) throws -> EventEnvelope {
        var envelope = try EventEnvelope(event: event, streamId: "test", streamVersion: 1)
        if let type { envelope.type = type }
        return envelope
    }
}
