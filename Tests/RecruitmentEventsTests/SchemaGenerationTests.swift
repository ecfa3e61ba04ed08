import Foundation
import RecruitmentEvents
import Testing

@Suite("JSON Schema generation")
struct SchemaGenerationTests {
    @Test("Every example validates against its own generated schema", arguments: CatalogueEntry.all)
    func exampleValidates(entry: CatalogueEntry) throws {
        let schema = try EventSchemaGenerator.schema(for: entry.type)
        let example = try exampleDocument(of: entry.type)
        #expect(SchemaValidator.violations(of: example, against: schema) == [])
        #expect(schema["examples"] == .array([example]))
        #expect(schema["$id"]?.stringValue == EventSchemaGenerator.idPrefix + entry.type.eventType)
        #expect(schema["additionalProperties"] == .bool(false))
    }

    @Test("The validator catches missing, extra, mistyped and out-of-range values")
    func validatorRejects() throws {
        let schema = try EventSchemaGenerator.schema(for: ApplicationSubmittedV1.self)
        let example = try exampleDocument(of: ApplicationSubmittedV1.self)
        func violations(_ mutate: (inout EventJSON) -> Void) -> [String] {
            var document = example
            mutate(&document)
            return SchemaValidator.violations(of: document, against: schema)
        }
        #expect(violations { $0["registrationNumber"] = nil } == ["$: missing required registrationNumber"])
        #expect(violations { $0["nik"] = .string("5371…") } == ["$: unexpected property nik"])
        #expect(violations { $0["formationKind"] = .string("istimewa") }.count == 1)
        #expect(violations { $0["applicantId"] = .string("maria") } == [#"$.applicantId: "maria" is not a valid uuid"#])
        #expect(violations { $0["academicGrade"]?["value"] = .number(3.62) }.count == 1)
        #expect(violations { $0["academicGrade"]?["value"] = .string("3,62") }.count == 1)
        #expect(violations { $0["documents"] = .object([:]) }.count == 1)
        #expect(violations { $0["education"]?["institution"] = nil } == [], "institution is optional")
    }

    @Test("decode → required, decodeIfPresent → optional, with leaf formats and enum values")
    func recordsPresence() throws {
        struct Leaves: Decodable {
            enum Kind: String, SchemaEnumeration { case first, second = "2nd" }
            struct Inner: Decodable { var when: Date?; var kinds: [Kind] }
            var id: UUID
            var at: Date
            var on: CalendarDate?
            var score: ExactDecimal
            var count: UInt8
            var flag: Bool?
            var inner: Inner
            var rows: [[Int]]
        }
        let schema = try EventSchemaGenerator.payloadSchema(for: Leaves.self)
        #expect(schema["required"] == .array(["id", "at", "score", "count", "inner", "rows"].map(EventJSON.string)))
        #expect(schema["properties"]?["id"]?["format"] == .string("uuid"))
        #expect(schema["properties"]?["at"]?["format"] == .string("date-time"))
        #expect(schema["properties"]?["on"]?["format"] == .string("date"))
        #expect(schema["properties"]?["score"]?["type"] == .string("string"))
        #expect(schema["properties"]?["count"]?["minimum"] == .integer(0))
        #expect(schema["properties"]?["flag"]?["type"] == .string("boolean"))
        let inner = schema["properties"]?["inner"]
        #expect(inner?["required"] == .array([.string("kinds")]))
        #expect(inner?["properties"]?["kinds"]?["items"]?["enum"] == .array([.string("first"), .string("2nd")]))
        #expect(schema["properties"]?["rows"]?["items"]?["items"]?["type"] == .string("integer"))
    }

    @Test("Dictionaries and enums without SchemaEnumeration are refused, naming the field")
    func refusesUnsupported() {
        struct WithDictionary: Decodable { var scores: [String: Int] }
        enum Plain: String, Decodable { case only }
        struct WithPlainEnum: Decodable { var nested: [Inner]; struct Inner: Decodable { var kind: Plain } }
        #expect(throws: SchemaGenerationError.self) { try EventSchemaGenerator.payloadSchema(for: WithDictionary.self) }
        let error = #expect(throws: SchemaGenerationError.self) {
            try EventSchemaGenerator.payloadSchema(for: WithPlainEnum.self)
        }
        #expect(error?.description.contains("nested.[].kind") == true, "\(String(describing: error))")
    }

    @Test("The index lists every type once")
    func index() throws {
        let index = EventSchemaGenerator.index(for: .standard)
        let types = index["events"]?.arrayValue?.compactMap { $0["type"]?.stringValue } ?? []
        #expect(types == EventRegistry.catalogue.map { $0.eventType }.sorted())
    }
}
