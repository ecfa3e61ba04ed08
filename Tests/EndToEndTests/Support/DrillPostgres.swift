import Foundation
import SuiteHarness

/// A PostgreSQL server of a test's own, which the test may restart without disturbing the others: a throw-away local
/// stack run by `deploy/local/stack.sh` (`start-postgres`, `restart-postgres`, `destroy`) on a free loopback port.
struct DrillPostgres {
    let stackName: String
    let port: Int

    /// The superuser connection (trust authentication on loopback), for creating databases.
    var adminURL: String { "postgres://postgres@127.0.0.1:\(port)/postgres" }

    /// `deploy/local/stack.sh` of this checkout (found from this source file: Tests/EndToEndTests/Support/ → root).
    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("deploy/local/stack.sh")
    }

    /// Initialises and starts a new server.
    static func start() async throws -> DrillPostgres {
        let postgres = DrillPostgres(stackName: "drill-\(UUID().uuidString.prefix(8).lowercased())",
                                     port: try FreePort.find())
        try await postgres.run("start-postgres")
        return postgres
    }

    /// A fast shutdown (every session is disconnected, open transactions roll back) and a start on the same data.
    func restart() async throws {
        try await run("restart-postgres")
    }

    /// Stops the server and deletes its data.
    func destroy() async {
        try? await run("destroy")
    }

    /// Runs `stack.sh command` and waits for it. Spawned and reaped directly: Foundation's `Process` notices an exit
    /// only once every descendant has closed a descriptor it inherited, and the PostgreSQL server the script starts
    /// keeps it open for good. Only standard input, output and error are passed on: the server would otherwise hold
    /// every descriptor this test process has open for as long as it runs, among them the listening socket of the
    /// drill's broker relay, which then went on taking connections nobody accepted after the relay was cut.
    private func run(_ command: String) async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["ASN_STACK"] = stackName
        environment["ASN_PG_PORT"] = String(port)
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("\(stackName)-\(command).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let script: String = Self.script.path
        let words: [String] = ["/bin/bash", script, command]
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let pairs: [String] = environment.map { "\($0.key)=\($0.value)" }
        let variables: [UnsafeMutablePointer<CChar>?] = pairs.map { strdup($0) } + [nil]
        defer { (arguments + variables).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        try Self.closeInheritedDescriptors(in: &actions)
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/bash", &actions, nil, arguments, variables)
        guard spawned == 0 else { throw DrillPostgresError.commandFailed(command, status: spawned, output: "spawn failed") }
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 { try await Task.sleep(for: .milliseconds(50)) }
        let exitCode = (status >> 8) & 0xff
        guard exitCode == 0 else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw DrillPostgresError.commandFailed(command, status: exitCode, output: text)
        }
    }
}

extension DrillPostgres {
    /// Adds glibc's `posix_spawn_file_actions_addclosefrom_np(actions, 3)` (glibc 2.34; Swift's Glibc module does not
    /// export it, so it is looked up by name).
    fileprivate static func closeInheritedDescriptors(in actions: inout posix_spawn_file_actions_t) throws {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else {
            throw DrillPostgresError.commandFailed(
                "spawn", status: -1, output: "this C library has no posix_spawn_file_actions_addclosefrom_np")
        }
        let result = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
        guard result == 0 else {
            throw DrillPostgresError.commandFailed("spawn", status: result, output: "addclosefrom failed")
        }
    }
}

enum DrillPostgresError: Error, CustomStringConvertible {
    case commandFailed(String, status: Int32, output: String)

    var description: String {
        switch self {
        case .commandFailed(let command, let status, let output):
            "stack.sh \(command) failed with status \(status): \(output.suffix(2_000))"
        }
    }
}
