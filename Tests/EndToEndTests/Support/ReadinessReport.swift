import Foundation
import SuiteHarness

/// The parsed body of `/health/ready`.
struct Readiness {
    var status: Int
    var checks: [String: (ready: Bool, detail: String?)]

    init(_ response: TestHTTP.Response) {
        status = response.status
        var checks: [String: (ready: Bool, detail: String?)] = [:]
        for (name, value) in response.json["checks"] as? [String: [String: Any]] ?? [:] {
            checks[name] = (value["ready"] as? Bool ?? false, value["detail"] as? String)
        }
        self.checks = checks
    }

    static func of(_ service: ServiceProcess) async throws -> Readiness {
        Readiness(try await TestHTTP.get("\(service.baseURL)/health/ready"))
    }

    /// The names of the failing checks, sorted.
    var failing: [String] { checks.filter { !$0.value.ready }.keys.sorted() }
}
