import Foundation
import TestSupport

/// The rules one answer of the matrix must follow, given the operation's access and the caller: the checks of
/// ``AuthorizationMatrixTests`` as plain functions that answer what is wrong (empty when the answer is right).
enum AuthorizationMatrix {
    // MARK: Coverage

    /// What is wrong with `service`'s table: documented operations without a row (a new endpoint nobody decided
    /// about), rows without an operation (a stale table), and operations whose document claims another access than
    /// the table (what a client reads must be what the service does).
    static func coverage(_ service: ServiceUnderTest) -> [String] {
        var problems: [String] = []
        let documented = Set(service.operations.map(\.key))
        for operation in service.operations {
            guard let expected = service.expected[operation.key] else {
                problems.append("\(service.name): \(operation.key) is documented but has no row in AuthorizationTable")
                continue
            }
            let claimed = operation.documentedAccess
            let consistent = switch expected {
            case .operations, .open: claimed == nil
            case .signedIn, .roles: claimed == expected
            }
            if !consistent {
                problems.append(
                    "\(service.name): \(operation.key) is documented as \(claimed.map(String.init(describing:)) ?? "public"), "
                        + "the table says \(expected)")
            }
        }
        for key in service.expected.keys.sorted() where !documented.contains(key) {
            problems.append("\(service.name): the table's \(key) is not in /openapi.json (stale row?)")
        }
        return problems
    }

    // MARK: One answer

    /// What is wrong with `observed`, the answer to `caller` on an operation with `access`; `anonymous` is the same
    /// operation's answer without a token (public answers must not depend on who asks).
    static func violations(access: AuthorizationTable.Access, caller: AuthorizationCaller,
                           observed: AuthorizationObservation, anonymous: AuthorizationObservation) -> [String]
    {
        switch (access, caller.flaw, caller.role) {
        case (.operations, _, _):
            return sameAs(anonymous, observed)
        case (.open, nil, nil):
            return passed(observed)
        case (.open, nil, _?):
            return sameAs(anonymous, observed)
        case (_, let flaw?, _):
            return unauthenticated(observed, type: flaw == .expired ? "/problems/token-expired" : "/problems/invalid-token",
                                   invalidToken: true)
        case (_, nil, nil):
            return unauthenticated(observed, type: "/problems/unauthenticated", invalidToken: false)
        case (_, nil, let role?):
            return access.admits(role) ? passed(observed) : forbidden(observed)
        }
    }

    /// Authorisation let the call through: neither 401 nor 403, and never a 5xx.
    static func passed(_ observed: AuthorizationObservation) -> [String] {
        if [401, 403].contains(observed.status) { return ["refused: \(observed.brief)"] }
        if observed.status >= 500 { return ["a server error: \(observed.brief)"] }
        return []
    }

    static func sameAs(_ anonymous: AuthorizationObservation, _ observed: AuthorizationObservation) -> [String] {
        guard observed.status == anonymous.status else {
            return ["answered \(observed.status), without a token \(anonymous.status): \(observed.brief)"]
        }
        return passed(observed)
    }

    /// A 401 problem of `type` with a `Bearer` challenge (`error="invalid_token"` when a token was sent).
    static func unauthenticated(_ observed: AuthorizationObservation, type: String, invalidToken: Bool) -> [String] {
        var problems: [String] = []
        guard observed.status == 401 else { return ["expected 401 \(type), got \(observed.brief)"] }
        if !observed.isProblem { problems.append("401 is not problem+json (\(observed.contentType ?? "none"))") }
        // A streamed operation's refusal is read only up to its head.
        if !observed.body.isEmpty, observed.problemType?.hasSuffix(type) != true {
            problems.append("401 of type \(observed.problemType ?? "none"), expected \(type)")
        }
        let challenge = observed.header("WWW-Authenticate") ?? ""
        if !challenge.hasPrefix("Bearer realm=") || challenge.contains(#"error="invalid_token""#) != invalidToken {
            problems.append("401 challenge \"\(challenge)\"")
        }
        return problems
    }

    static func forbidden(_ observed: AuthorizationObservation) -> [String] {
        guard observed.status == 403 else { return ["expected 403, got \(observed.brief)"] }
        var problems: [String] = []
        if !observed.isProblem { problems.append("403 is not problem+json (\(observed.contentType ?? "none"))") }
        if !observed.body.isEmpty, observed.problemType?.hasSuffix("/problems/forbidden") != true {
            problems.append("403 of type \(observed.problemType ?? "none"), expected /problems/forbidden")
        }
        return problems
    }

    /// The answer against the service's document (status documented, content type, body schema); streamed answers
    /// are not read, so not checked.
    static func contract(_ service: ServiceUnderTest, _ operation: DocumentedOperation,
                         _ observed: AuthorizationObservation) -> [String]
    {
        guard !operation.streams else { return [] }
        do {
            let violations = try service.validator.violations(
                method: operation.method, path: observed.path, status: observed.status,
                contentType: observed.contentType, body: Data(observed.body))
            return violations.map { "not as documented: \($0)" }
        } catch {
            return ["not as documented: \(error)"]
        }
    }
}
