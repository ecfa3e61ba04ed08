// recruitment-events-schema: writes the JSON Schemas derived from the RecruitmentEvents catalogue.
//
//     swift run recruitment-events-schema [--output <dir>] [--check]
//
// --output  the schema folder (default Shared/RecruitmentEvents/Schemas, relative to the working directory)
// --check   write nothing; exit 1 if the folder differs from the generated files (for CI)

import Foundation
import RecruitmentEvents

do {
    let options = try SchemaToolOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    let files = try EventSchemaGenerator.files(for: .standard)
    let folder = SchemaFolder(url: URL(fileURLWithPath: options.output, isDirectory: true))
    let drift = try folder.drift(from: files)
    if options.check {
        if drift.isEmpty {
            print("\(files.count) schema files in \(options.output) are up to date.")
        } else {
            for line in drift.descriptions { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            let fix = "Run `swift run recruitment-events-schema --output \(options.output)`.\n"
            FileHandle.standardError.write(Data(fix.utf8))
            exit(1)
        }
    } else {
        try folder.write(files, removing: drift.extra)
        print("Wrote \(files.count) schema files to \(options.output) (\(drift.changed.count + drift.missing.count) "
            + "changed, \(drift.extra.count) removed).")
    }
} catch let error as SchemaToolOptions.UsageError {
    FileHandle.standardError.write(Data("\(error.message)\n\(SchemaToolOptions.usage)\n".utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("recruitment-events-schema: \(error)\n".utf8))
    exit(1)
}
