import EventStore
import Foundation
import Logging
import PostgresNIO
import ServiceKit

/// A login account as stored: applicants and officers alike.
struct StoredAccount: Sendable {
    var accountId: UUID
    var kind: String
    var email: String
    var passwordHash: String
    var roles: [Role]
    var displayName: String
    var failedLogins: Int
    var lockedUntil: Date?
}

/// Reads accounts and keeps their failed-login counters: the per-account lockout that holds across instances.
struct AccountStore: Sendable {
    let postgres: PostgresClient
    let logger: Logger

    /// The account whose e-mail address is `email` (lowercased), or whose applicant NIK has the keyed index `nikIndex`.
    func find(email: String? = nil, nikIndex: String? = nil) async throws -> StoredAccount? {
        let rows: PostgresRowSequence
        if let nikIndex {
            rows = try await postgres.query(
                """
                SELECT a.account_id, a.kind, a.email, a.password_hash, a.roles, a.display_name, a.failed_logins,
                       a.locked_until
                FROM accounts a JOIN applicants p ON p.applicant_id = a.account_id WHERE p.nik_index = \(nikIndex)
                """, logger: logger)
        } else {
            rows = try await postgres.query(
                """
                SELECT account_id, kind, email, password_hash, roles, display_name, failed_logins, locked_until
                FROM accounts WHERE email = \(email ?? "")
                """, logger: logger)
        }
        return try await Self.accounts(rows).first
    }

    func find(accountId: UUID) async throws -> StoredAccount? {
        let rows = try await postgres.query(
            """
            SELECT account_id, kind, email, password_hash, roles, display_name, failed_logins, locked_until
            FROM accounts WHERE account_id = \(accountId)
            """, logger: logger)
        return try await Self.accounts(rows).first
    }

    func officers(after cursor: UUID, limit: Int) async throws -> [StoredAccount] {
        let rows = try await postgres.query(
            """
            SELECT account_id, kind, email, password_hash, roles, display_name, failed_logins, locked_until
            FROM accounts WHERE kind = 'officer' AND account_id > \(cursor) ORDER BY account_id LIMIT \(limit)
            """, logger: logger)
        return try await Self.accounts(rows)
    }

    /// Counts a failed login and locks the account per ``AccountLockout``; returns the new lock's end, if any.
    @discardableResult
    func recordFailure(_ accountId: UUID, now: Date) async throws -> Date? {
        let rows = try await postgres.query(
            "UPDATE accounts SET failed_logins = failed_logins + 1 WHERE account_id = \(accountId) RETURNING failed_logins",
            logger: logger)
        var failures = 0
        for try await count in rows.decode(Int.self) { failures = count }
        guard let lock = AccountLockout.lock(afterFailures: failures) else { return nil }
        let until = now.addingTimeInterval(lock)
        try await postgres.query(
            "UPDATE accounts SET locked_until = \(until) WHERE account_id = \(accountId)", logger: logger)
        return until
    }

    func recordSuccess(_ account: StoredAccount) async throws {
        guard account.failedLogins > 0 || account.lockedUntil != nil else { return }
        try await postgres.query(
            "UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE account_id = \(account.accountId)",
            logger: logger)
    }

    /// Inserts an account row inside the caller's transaction (the one appending the account's event).
    static func insert(_ account: StoredAccount, createdAt: Date, createdBy: UUID?, on connection: PostgresConnection,
                       logger: Logger) async throws
    {
        let roles = account.roles.map(\.rawValue)
        try await connection.query(
            """
            INSERT INTO accounts (account_id, kind, email, password_hash, roles, display_name, created_at, created_by)
            VALUES (\(account.accountId), \(account.kind), \(account.email), \(account.passwordHash), \(roles),
                    \(account.displayName), \(createdAt), \(createdBy))
            """, logger: logger)
    }

    static func accounts(_ rows: PostgresRowSequence) async throws -> [StoredAccount] {
        var result: [StoredAccount] = []
        for try await (id, kind, email, hash, roles, name, failures, locked) in rows.decode(
            (UUID, String, String, String, [String], String, Int, Date?).self)
        {
            result.append(StoredAccount(
                accountId: id, kind: kind, email: email, passwordHash: hash, roles: roles.compactMap(Role.init(rawValue:)),
                displayName: name, failedLogins: failures, lockedUntil: locked))
        }
        return result
    }
}
