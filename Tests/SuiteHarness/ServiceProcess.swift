public import Foundation

/// One of the suite's real executables, started for an end-to-end test or a benchmark: its own database, a private
/// Kafka name prefix, a free port, logs in `ASN_TEST_LOG_DIR` (or a temp dir). Stopped with SIGTERM (graceful
/// shutdown) or SIGKILL (a crash).
public final class ServiceProcess: @unchecked Sendable {
    /// The executable's name, e.g. `registration`.
    public let name: String
    /// The loopback port its HTTP server listens on.
    public let port: Int
    /// Where its standard output and error go.
    public let logFile: URL
    /// The directory the executable is taken from.
    public let binaryDirectory: URL
    private let process: Process
    private let environment: [String: String]

    /// The environment variable naming the directory of the executables (e.g. `.build/release`).
    public static let binaryDirectoryVariable = "ASN_BIN_DIR"

    /// The base URL of the service, e.g. `http://127.0.0.1:18181`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The directory holding the suite's executables: `ASN_BIN_DIR` if set, otherwise the build directory of the
    /// running program (the test bundle or `asn-bench`, whose executables sit beside it).
    public static var binaryDirectory: URL {
        if let explicit = ProcessInfo.processInfo.environment[binaryDirectoryVariable], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        // `swift test` runs `.build/<triple>/debug/<package>PackageTests.xctest`; the executables sit beside it.
        while url.pathComponents.count > 1,
              !FileManager.default.fileExists(atPath: url.appendingPathComponent("registration").path)
        {
            url.deleteLastPathComponent()
            if url.lastPathComponent == ".build" { break }
        }
        return url
    }

    /// Prepares (does not start) `name` with `environment` on top of a minimal base environment.
    ///
    /// - Parameters:
    ///   - name: the executable, e.g. `announcements`.
    ///   - environment: its configuration; overrides the base (loopback host, free port, JSON logs, a 6 s Kafka
    ///     session timeout, a 10 ms outbox poll interval).
    ///   - binaryDirectory: where the executable is; ``binaryDirectory`` (the static one) when `nil`.
    ///   - port: the HTTP port; a free one when `nil`.
    public init(name: String, environment: [String: String], binaryDirectory: URL? = nil, port: Int? = nil) throws {
        self.name = name
        if let port { self.port = port } else { self.port = try FreePort.find() }
        self.binaryDirectory = binaryDirectory ?? Self.binaryDirectory
        let logDirectory = ProcessInfo.processInfo.environment["ASN_TEST_LOG_DIR"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory
        try FileManager.default.createDirectory(at: logDirectory, withIntermediateDirectories: true)
        // A replacement on the same port gets a log of its own: the crashed process's log is evidence.
        var logFile = logDirectory.appendingPathComponent("e2e-\(name)-\(self.port).log")
        var generation = 1
        while port != nil, FileManager.default.fileExists(atPath: logFile.path) {
            generation += 1
            logFile = logDirectory.appendingPathComponent("e2e-\(name)-\(self.port)-\(generation).log")
        }
        self.logFile = logFile
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        var env = ProcessInfo.processInfo.environment.filter { ["PATH", "LD_LIBRARY_PATH", "HOME"].contains($0.key) }
        env["ASN_HTTP_HOST"] = "127.0.0.1"
        env["ASN_HTTP_PORT"] = String(self.port)
        env["ASN_LOG_FORMAT"] = "json"
        env["ASN_KAFKA_SESSION_TIMEOUT_MS"] = "6000"
        env["ASN_OUTBOX_POLL_INTERVAL_MS"] = "10"
        env.merge(environment) { _, new in new }
        self.environment = env
        self.process = Process()
    }

    /// A new, not yet started process of the same executable with the same configuration and port: the service
    /// started again after a crash (a process can run only once).
    public func replacement() throws -> ServiceProcess {
        try ServiceProcess(name: name, environment: environment, binaryDirectory: binaryDirectory, port: port)
    }

    /// Starts the executable and waits until `/health/ready` answers 200 (or `timeout` passes).
    public func start(timeout: Duration = .seconds(60)) async throws {
        let executable = binaryDirectory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw ServiceProcessError.missingExecutable(executable.path)
        }
        process.executableURL = executable
        process.arguments = ["serve"]
        process.environment = environment
        let handle = try FileHandle(forWritingTo: logFile)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        try await waitUntilReady(timeout: timeout)
    }

    /// Polls `/health/ready` until it answers 200; throws if the process exits or `timeout` passes first.
    public func waitUntilReady(timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard process.isRunning else {
                throw ServiceProcessError.exited(name, status: process.terminationStatus, log: logFile.path)
            }
            if let response = try? await TestHTTP.get("\(baseURL)/health/ready"), response.status == 200 { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw ServiceProcessError.notReady(name, log: logFile.path)
    }

    /// Graceful stop (SIGTERM), waiting for the process to exit.
    public func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        await waitForExit(timeout: .seconds(30))
        if process.isRunning { kill(process.processIdentifier, SIGKILL); await waitForExit(timeout: .seconds(5)) }
    }

    /// A crash: SIGKILL, no shutdown work at all.
    public func kill9() async {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        await waitForExit(timeout: .seconds(10))
    }

    /// Whether the process is still running.
    public var isRunning: Bool { process.isRunning }
    /// The exit status once the process has exited.
    public var terminationStatus: Int32 { process.terminationStatus }

    /// The process identifier while the process runs.
    public var processIdentifier: Int32? { process.isRunning ? process.processIdentifier : nil }

    /// The peak resident set size of the running process so far, in bytes (`VmHWM` in `/proc/<pid>/status`); `nil`
    /// once it has exited (the kernel forgets it: read it before ``stop()``) or where `/proc` is not available.
    public var peakResidentBytes: Int? {
        guard process.isRunning else { return nil }
        return Self.peakResidentBytes(processIdentifier: process.processIdentifier)
    }

    /// The peak resident set size of process `processIdentifier` (e.g. `getpid()`), in bytes, read from `VmHWM` in
    /// `/proc/<pid>/status`; `nil` if it cannot be read.
    public static func peakResidentBytes(processIdentifier: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(processIdentifier)/status", encoding: .utf8) else {
            return nil
        }
        // `VmHWM:\t  123456 kB`
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 3, fields[2] == "kB", let kibibytes = Int(fields[1]) else { return nil }
            return kibibytes * 1024
        }
        return nil
    }

    private func waitForExit(timeout: Duration) async {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The log lines written so far.
    public func log() -> String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
