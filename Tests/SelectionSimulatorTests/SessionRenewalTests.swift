@testable import SelectionSimulator
import Synchronization
import Testing

/// The simulator signs in again when an access token it obtained expires, as a portal would, and only then.
@Suite struct SessionRenewalTests {
    /// A login that answers `token-<n>` for its n-th call and counts the calls per username.
    final class CountingLogin: Sendable {
        let calls = Mutex<[String]>([])

        func login(_ username: String, _ password: String) async throws -> String {
            try await Task.sleep(for: .milliseconds(20))
            return calls.withLock { calls in
                calls.append(username)
                return "token-\(calls.count)"
            }
        }
    }

    @Test func requestsRefusedTogetherShareOneNewLogin() async throws {
        let sessions = SessionRenewal()
        let login = CountingLogin()
        sessions.opened("expired", username: "pengawas@kupangkota.go.id", password: "secret")
        let renewed = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<8 { group.addTask { try await sessions.renew("expired", login: login.login) } }
            var tokens: [String?] = []
            for try await token in group { tokens.append(token) }
            return tokens
        }
        #expect(Set(renewed) == ["token-1"])
        #expect(login.calls.withLock { $0 } == ["pengawas@kupangkota.go.id"])
        #expect(sessions.renewed == 1)
        #expect(sessions.current("expired") == "token-1")
    }

    @Test func aRenewedTokenIsRenewedAgainWhenItExpires() async throws {
        let sessions = SessionRenewal()
        let login = CountingLogin()
        sessions.opened("first", username: "ujian@kupangkota.go.id", password: "secret")
        let second = try #require(try await sessions.renew("first", login: login.login))
        // The client registers every token its login answers; the test does what `SuiteClient.login` does.
        sessions.opened(second, username: "ujian@kupangkota.go.id", password: "secret")
        let third = try #require(try await sessions.renew(second, login: login.login))
        #expect(third != second)
        #expect(sessions.current("first") == third)
        #expect(sessions.renewed == 2)
    }

    @Test func aTokenTheClientDidNotSignInForIsNeverRenewed() async throws {
        let sessions = SessionRenewal()
        let login = CountingLogin()
        #expect(try await sessions.renew("forged", login: login.login) == nil)
        #expect(sessions.current("forged") == "forged")
        #expect(login.calls.withLock { $0 }.isEmpty)
    }
}
