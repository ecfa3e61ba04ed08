import Foundation

/// Folders of the package, found from this file's location (Tests/RecruitmentEventsTests/Support/…).
enum RepositoryPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // RecruitmentEventsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The committed JSON Schemas.
    static let schemas = packageRoot.appendingPathComponent("Shared/RecruitmentEvents/Schemas", isDirectory: true)

    /// The Swift sources of the event catalogue.
    static let catalogueSources = packageRoot.appendingPathComponent(
        "Shared/RecruitmentEvents/Catalogue", isDirectory: true)

    /// Relative path of a schema file, for messages.
    static func schemaPath(_ name: String) -> String { "Shared/RecruitmentEvents/Schemas/" + name }

    /// Every `.swift` file below `folder`.
    static func swiftFiles(below folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }
}
