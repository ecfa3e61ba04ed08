import Foundation
import TestSupport
import Testing

/// Schemathesis (pinned in `deploy/local/install.sh`, installed into the repository's tool virtualenv) run against one
/// service's served `/openapi.json`: property-based requests from the document, positive and negative, with checks on
/// every answer. Each run works in a scratch directory (no `.hypothesis` or report files in the repository) and is
/// bounded by ``maxExamples`` per operation and a fixed ``seed``, so a failure is re-runnable.
struct SchemathesisRun: Sendable {
    /// The checks every answer must pass: never a 5xx, a documented status and content type, a body matching the
    /// documented schema, and invalid input (negative data) refused with a 4xx.
    static let checks = [
        "not_a_server_error", "status_code_conformance", "content_type_conformance", "response_schema_conformance",
        "negative_data_rejection",
    ]

    /// The configuration file of every run: the coverage phase sends no undeclared methods (`TRACE` and the like),
    /// which saves about half its requests; no check here judges their answers (the services answer them 404, not
    /// 405 with `Allow`, which `unsupported_method` would flag).
    static let configuration = """
        [phases.coverage]
        unexpected-methods = []
        """

    /// The service's name, for messages.
    var service: String
    /// Its base URL, e.g. `http://127.0.0.1:18181`; the document is `<baseURL>/openapi.json`.
    var baseURL: String
    /// An access token sent as `Authorization: Bearer …` with every request (`nil`: none).
    var token: String?
    /// Test cases per operation in the fuzzing phase (the coverage phase derives its own from the schemas: boundary
    /// values, each constraint broken in turn).
    var maxExamples = 6
    /// The random seed (the same seed replays the same requests against the same data).
    var seed = 20_260_801
    /// Operation ids to leave out (each with its reason at the call site).
    var excludedOperationIds: [String] = []
    /// Only the operations with this tag (`nil`: all).
    var includedTag: String?

    /// What one run found.
    struct Outcome: Sendable {
        /// The CLI's exit status (0: every check passed).
        var status: Int32
        /// Its whole console output.
        var output: String
        /// The failed test cases from its JUnit report: `operation: message`.
        var failures: [String]

        var passed: Bool { status == 0 && failures.isEmpty }

        /// The first `limit` failures, then the end of the console output: what a failing test shows.
        func report(limit: Int = 8) -> String {
            let shown = failures.prefix(limit).joined(separator: "\n---\n")
            let more = failures.count > limit ? "\n… and \(failures.count - limit) more" : ""
            let tail = output.split(separator: "\n", omittingEmptySubsequences: false).suffix(40)
                .joined(separator: "\n")
            return "\(shown)\(more)\n=== schemathesis output (end) ===\n\(tail)"
        }
    }

    /// The CLI in the repository's tool virtualenv (`.stack/venv/bin/schemathesis`), found from this file's path.
    static var executable: URL {
        var root = URL(fileURLWithPath: #filePath)
        // Tests/EndToEndTests/Support/SchemathesisRun.swift -> the repository root.
        for _ in 0..<4 { root.deleteLastPathComponent() }
        return root.appendingPathComponent(".stack/venv/bin/schemathesis")
    }

    /// The CLI, or `nil` when it is not installed: the test is skipped locally and fails under CI (`CI=true`), where
    /// `deploy/local/install.sh` must have installed it.
    static func installedExecutable(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL? {
        let url = executable
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        let message = "Schemathesis is not installed at \(url.path); run deploy/local/install.sh"
        if TestEnvironment.isCI {
            Issue.record(Comment(rawValue: message + " (CI=true: this test must not be skipped)"),
                         sourceLocation: sourceLocation)
            return nil
        }
        try Test.cancel(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// The command-line arguments of this run, reading `configuration` and writing the JUnit report to `junit`.
    func arguments(configuration: URL, junit: URL) -> [String] {
        var arguments = [
            "--config-file", configuration.path,
            "run", "\(baseURL)/openapi.json", "--url", baseURL,
            "--checks", Self.checks.joined(separator: ","),
            "--phases", "coverage,fuzzing",
            "--max-examples", String(maxExamples), "--seed", String(seed),
            // One worker: with two, Hypothesis sometimes failed in CPython 3.11's `ast` module ("AST constructor
            // recursion depth mismatch"), which is not thread-safe.
            "--workers", "1", "--request-timeout", "10", "--no-shrink",
            "--generation-database", "none", "--suppress-health-check", "all",
            "--report", "junit", "--report-junit-path", junit.path,
            "--no-color", "--output-truncate", "true",
        ]
        if let token { arguments += ["--header", "Authorization: Bearer \(token)"] }
        for operationId in excludedOperationIds { arguments += ["--exclude-operation-id", operationId] }
        if let includedTag { arguments += ["--include-tag", includedTag] }
        return arguments
    }

    /// Runs the CLI at `executable` to completion.
    func run(executable: URL) async throws -> Outcome {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("schemathesis-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let junit = scratch.appendingPathComponent("junit.xml")
        let configuration = scratch.appendingPathComponent("schemathesis.toml")
        try Self.configuration.write(to: configuration, atomically: true, encoding: .utf8)
        let console = scratch.appendingPathComponent("console.txt")
        _ = FileManager.default.createFile(atPath: console.path, contents: nil)
        let handle = try FileHandle(forWritingTo: console)
        defer { try? handle.close() }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments(configuration: configuration, junit: junit)
        process.currentDirectoryURL = scratch
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["COLUMNS"] = "160"
        process.environment = environment
        process.standardOutput = handle
        process.standardError = handle
        let status = try await Self.runToCompletion(process)
        let output = (try? String(contentsOf: console, encoding: .utf8)) ?? ""
        let failures = (try? Data(contentsOf: junit)).map { JUnitFailures.parse($0) } ?? []
        return Outcome(status: status, output: output, failures: failures)
    }

    /// Starts `process` and waits for it to exit without blocking a thread of the cooperative pool.
    private static func runToCompletion(_ process: Process) async throws -> Int32 {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, Error>) in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }
}
