import Foundation
import RecruitmentEvents
import Testing

@Suite("Committed JSON Schemas match the Swift types")
struct SchemaDriftTests {
    static let fix =
        "Run `swift run recruitment-events-schema --output Shared/RecruitmentEvents/Schemas` and commit the result."

    @Test("Every generated schema file is committed unchanged, and no other .json file is there")
    func committedSchemasAreCurrent() throws {
        let generated = try EventSchemaGenerator.files(for: .standard)
        let folder = RepositoryPaths.schemas
        let committed = Set(
            (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".json") } ?? [])
        for file in generated {
            let path = RepositoryPaths.schemaPath(file.name)
            guard committed.contains(file.name) else {
                Issue.record("\(path) is missing. \(Self.fix)")
                continue
            }
            let onDisk = try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8)
            if onDisk != file.contents {
                Issue.record("\(path) differs from the schema derived from the Swift type. \(Self.fix)")
            }
        }
        for extra in committed.subtracting(generated.map(\.name)).sorted() {
            Issue.record("\(RepositoryPaths.schemaPath(extra)) is not generated from any registered type. \(Self.fix)")
        }
    }

    @Test("Committed schemas parse as JSON")
    func committedSchemasParse() throws {
        for file in try EventSchemaGenerator.files(for: .standard) {
            #expect(throws: Never.self) { try EventCoding.decode(EventJSON.self, from: Array(file.contents.utf8)) }
        }
    }
}
