import Foundation

/// The folder of committed schema files: compares it with the generated files and rewrites it.
struct SchemaFolder {
    /// How the folder differs from the generated files (file names).
    struct Drift {
        var missing: [String] = []
        var changed: [String] = []
        var extra: [String] = []

        var isEmpty: Bool { missing.isEmpty && changed.isEmpty && extra.isEmpty }

        var descriptions: [String] {
            missing.map { "missing: \($0)" } + changed.map { "out of date: \($0)" }
                + extra.map { "not generated: \($0)" }
        }
    }

    let url: URL

    /// Compares the `.json` files of the folder with `files`.
    func drift(from files: [(name: String, contents: String)]) throws -> Drift {
        var drift = Drift()
        let existing = Set(try jsonFileNames())
        for file in files {
            if !existing.contains(file.name) {
                drift.missing.append(file.name)
            } else if try String(contentsOf: url.appendingPathComponent(file.name), encoding: .utf8) != file.contents {
                drift.changed.append(file.name)
            }
        }
        drift.extra = existing.subtracting(files.map(\.name)).sorted()
        return drift
    }

    /// Writes every file whose contents differ and deletes `extra` (stale `.json` files of retired types).
    func write(_ files: [(name: String, contents: String)], removing extra: [String]) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for file in files {
            let fileURL = url.appendingPathComponent(file.name)
            if (try? String(contentsOf: fileURL, encoding: .utf8)) != file.contents {
                try Data(file.contents.utf8).write(to: fileURL, options: .atomic)
            }
        }
        for name in extra {
            try FileManager.default.removeItem(at: url.appendingPathComponent(name))
        }
    }

    private func jsonFileNames() throws -> [String] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".json") }
    }
}
