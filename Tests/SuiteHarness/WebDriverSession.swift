public import Foundation

/// A headless Chromium driven over the W3C WebDriver protocol (plain HTTP + JSON) through Debian's `chromedriver`:
/// just what the public-page test needs (navigate, run a script, wait for a condition, quit).
public final class WebDriverSession: @unchecked Sendable {
    private let driver: Process
    private let endpoint: String
    /// The WebDriver session id.
    public let sessionId: String
    /// Where chromedriver logs.
    public let logFile: URL

    /// `ASN_TEST_CHROMEDRIVER` and `ASN_TEST_CHROMIUM` override where the binaries are.
    public static let driverVariable = "ASN_TEST_CHROMEDRIVER"
    public static let browserVariable = "ASN_TEST_CHROMIUM"

    /// The chromedriver and Chromium executables, or `nil` when either is missing (install Debian's `chromium` and
    /// `chromium-driver`; `deploy/local/install.sh` does).
    public static func binaries() -> (driver: String, browser: String)? {
        let environment = ProcessInfo.processInfo.environment
        func find(_ variable: String, _ names: [String]) -> String? {
            if let explicit = environment[variable], !explicit.isEmpty {
                return FileManager.default.isExecutableFile(atPath: explicit) ? explicit : nil
            }
            let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
                + ["/usr/bin", "/usr/lib/chromium"]
            for directory in directories {
                for name in names where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
                    return "\(directory)/\(name)"
                }
            }
            return nil
        }
        guard let driver = find(driverVariable, ["chromedriver"]),
              let browser = find(browserVariable, ["chromium", "chromium-browser", "google-chrome"])
        else { return nil }
        return (driver, browser)
    }

    private init(driver: Process, endpoint: String, sessionId: String, logFile: URL) {
        self.driver = driver
        self.endpoint = endpoint
        self.sessionId = sessionId
        self.logFile = logFile
    }

    /// Starts chromedriver on a free loopback port and opens a headless browser session.
    public static func start(driver driverPath: String, browser: String) async throws -> WebDriverSession {
        let port = try FreePort.find()
        let logDirectory = ProcessInfo.processInfo.environment["ASN_TEST_LOG_DIR"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory
        let logFile = logDirectory.appendingPathComponent("e2e-chromedriver-\(port).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: driverPath)
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        let handle = try FileHandle(forWritingTo: logFile)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let endpoint = "http://127.0.0.1:\(port)"
        do {
            let deadline = ContinuousClock.now + .seconds(20)
            while (try? await TestHTTP.get("\(endpoint)/status"))?.status != 200 {
                guard process.isRunning, ContinuousClock.now < deadline else {
                    throw WebDriverError.driverDidNotStart(log: logFile.path)
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            let created = try await TestHTTP.post("\(endpoint)/session", json: [
                "capabilities": ["alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": browser,
                        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                 "--window-size=1280,1024", "--no-first-run", "--no-default-browser-check"],
                    ],
                ] as [String: Any]],
            ])
            guard created.status == 200,
                  let value = created.json["value"] as? [String: Any], let id = value["sessionId"] as? String
            else { throw WebDriverError.failed("POST /session", status: created.status, body: created.text) }
            return WebDriverSession(driver: process, endpoint: endpoint, sessionId: id, logFile: logFile)
        } catch {
            process.terminate()
            throw error
        }
    }

    /// Loads `url` (returns when the page has loaded).
    public func navigate(to url: String) async throws {
        _ = try await command("POST", "url", ["url": url])
    }

    /// Runs `script` (a function body; `return` a JSON value, or a promise of one) and returns its result.
    @discardableResult
    public func execute(_ script: String, _ arguments: [Any] = []) async throws -> Any? {
        try await command("POST", "execute/sync", ["script": script, "args": arguments])
    }

    /// Runs `script` every 100 ms until it returns `true` or `timeout` passes; returns whether it did.
    public func waitUntil(timeout: Duration = .seconds(10), _ script: String, _ arguments: [Any] = []) async throws
        -> Bool
    {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await execute(script, arguments) as? Bool == true { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await execute(script, arguments) as? Bool == true
    }

    /// The text of the first element matching `selector`, or `nil`.
    public func text(_ selector: String) async throws -> String? {
        try await execute("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;",
                          [selector]) as? String
    }

    /// Ends the session and stops chromedriver.
    public func quit() async {
        _ = try? await TestHTTP.send("DELETE", "\(endpoint)/session/\(sessionId)", headers: [], body: nil)
        if driver.isRunning { driver.terminate() }
        let deadline = ContinuousClock.now + .seconds(5)
        while driver.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }
    }

    private func command(_ method: String, _ path: String, _ body: [String: Any]) async throws -> Any? {
        let url = "\(endpoint)/session/\(sessionId)/\(path)"
        let data = try JSONSerialization.data(withJSONObject: body)
        let response = try await TestHTTP.send(
            method, url, headers: [("Content-Type", "application/json")], body: Array(data))
        guard response.status == 200 else {
            throw WebDriverError.failed("\(method) \(path)", status: response.status, body: response.text)
        }
        let value = response.json["value"]
        return value is NSNull ? nil : value
    }

    deinit {
        if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }
    }
}

/// A WebDriver command that did not work.
public enum WebDriverError: Error, CustomStringConvertible {
    case driverDidNotStart(log: String)
    case failed(String, status: Int, body: String)

    public var description: String {
        switch self {
        case .driverDidNotStart(let log): "chromedriver did not start; log: \(log)"
        case .failed(let command, let status, let body): "WebDriver \(command) answered \(status): \(body.prefix(500))"
        }
    }
}
