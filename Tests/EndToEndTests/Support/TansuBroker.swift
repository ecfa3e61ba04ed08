import Foundation
import SuiteHarness
import TestSupport
import Testing

/// A private, in-memory Tansu broker started by a test (to bring a broker up *after* the services).
final class TansuBroker: @unchecked Sendable {
    /// The environment variable naming the Tansu binary (written by `deploy/local/stack.sh` into the stack's env).
    static let binaryVariable = "ASN_TEST_TANSU_BIN"

    let port: Int
    private let process = Process()

    /// The broker binary: `ASN_TEST_TANSU_BIN`, else `.stack/tansu` of this checkout (found from this source file or
    /// from the build directory). `nil` (a recorded failure under CI) when there is none.
    static func binary(sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment[binaryVariable], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        var candidates: [URL] = []
        // Tests/EndToEndTests/Support/TansuBroker.swift → the package root.
        let source = URL(fileURLWithPath: #filePath)
        candidates.append(source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent())
        var build = ServiceProcess.binaryDirectory
        while build.pathComponents.count > 1 {
            build.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: build.appendingPathComponent("Package.swift").path) {
                candidates.append(build)
                break
            }
        }
        for root in candidates {
            let binary = root.appendingPathComponent(".stack/tansu")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        if TestEnvironment.isCI {
            Issue.record(
                "\(binaryVariable) is not set and no .stack/tansu was found, but CI=true: run deploy/local/install.sh",
                sourceLocation: sourceLocation)
        }
        return nil
    }

    private init(port: Int) {
        self.port = port
    }

    /// Starts a broker listening on `127.0.0.1:port` and waits until the port accepts connections. Clients are told
    /// to connect to `advertisedPort` (default: `port`), e.g. a ``TCPRelay`` in front of the broker.
    static func start(binary: URL, port: Int, advertisedPort: Int? = nil) async throws -> TansuBroker {
        let broker = TansuBroker(port: port)
        let address = "tcp://127.0.0.1:\(port)"
        broker.process.executableURL = binary
        broker.process.arguments = [
            "broker", "--listener-url", address,
            "--advertised-listener-url", "tcp://127.0.0.1:\(advertisedPort ?? port)",
            "--storage-engine", "memory://tansu/",
        ]
        broker.process.environment = ProcessInfo.processInfo.environment.filter { ["PATH", "HOME"].contains($0.key) }
        let logDirectory = ProcessInfo.processInfo.environment["ASN_TEST_LOG_DIR"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory
        let log = logDirectory.appendingPathComponent("e2e-tansu-\(port).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        broker.process.standardOutput = handle
        broker.process.standardError = handle
        try broker.process.run()
        let deadline = ContinuousClock.now + .seconds(30)
        while !PortProbe.isOpen(port) {
            guard broker.process.isRunning, ContinuousClock.now < deadline else {
                await broker.stop()
                throw TansuBrokerError.didNotStart(log: log.path)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return broker
    }

    func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = ContinuousClock.now + .seconds(5)
        while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

enum TansuBrokerError: Error, CustomStringConvertible {
    case didNotStart(log: String)
    var description: String {
        switch self {
        case .didNotStart(let log): "the Tansu broker did not start; log: \(log)"
        }
    }
}

/// TCP connections to loopback ports, for tests that wait for or probe a server.
enum PortProbe {
    /// Whether something accepts TCP connections on `port`.
    static func isOpen(_ port: Int) -> Bool {
        guard let descriptor = connected(to: port) else { return false }
        close(descriptor)
        return true
    }

    /// A socket connected to `127.0.0.1:port`, which the caller closes, or `nil` (with `errno` set). With a
    /// `timeout`, connecting, sending and receiving on it each give up after that long.
    static func connected(to port: Int, timeout: Int? = nil) -> Int32? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        if let timeout {
            var limit = timeval(tv_sec: timeout, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let failure = errno
            close(descriptor)
            errno = failure
            return nil
        }
        return descriptor
    }
}
