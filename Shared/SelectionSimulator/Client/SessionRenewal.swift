import Foundation
import Synchronization

/// The sessions ``SuiteClient/login(_:password:stage:)`` opened, so that a token that expires during a long run is
/// renewed as a portal would: by signing in again with the same credentials and sending the refused request once more
/// with the new token. Tokens the client did not obtain by signing in (a forged or deliberately expired token in a
/// probe) are never renewed.
final class SessionRenewal: Sendable {
    private struct Credentials {
        var username: String
        var password: String
    }

    private struct State {
        /// By the token a login answered.
        var credentials: [String: Credentials] = [:]
        /// An expired token → the token that replaced it.
        var replacements: [String: String] = [:]
        /// Renewals in flight, by the expired token: requests refused at the same time share one new login.
        var inFlight: [String: Task<String, any Error>] = [:]
        var renewed = 0
    }

    private let state = Mutex(State())

    /// Sessions renewed so far.
    var renewed: Int { state.withLock { $0.renewed } }

    /// Remembers how `token` was obtained.
    func opened(_ token: String, username: String, password: String) {
        state.withLock { $0.credentials[token] = Credentials(username: username, password: password) }
    }

    /// The token to send for `token`: the newest one of its session.
    func current(_ token: String) -> String {
        state.withLock { state in
            var current = token
            while let next = state.replacements[current] { current = next }
            return current
        }
    }

    /// A new token for the session of the expired `token`, or `nil` when the client did not sign in for it.
    func renew(_ token: String, login: @escaping @Sendable (String, String) async throws -> String) async throws
        -> String?
    {
        let task: Task<String, any Error>? = state.withLock { state in
            if let replacement = state.replacements[token] { return Task { replacement } }
            if let running = state.inFlight[token] { return running }
            guard let credentials = state.credentials[token] else { return nil }
            let task = Task { try await login(credentials.username, credentials.password) }
            state.inFlight[token] = task
            return task
        }
        guard let task else { return nil }
        do {
            let renewed = try await task.value
            state.withLock { state in
                if state.inFlight.removeValue(forKey: token) != nil { state.renewed += 1 }
                state.replacements[token] = renewed
            }
            return renewed
        } catch {
            _ = state.withLock { $0.inFlight.removeValue(forKey: token) }
            throw error
        }
    }
}
