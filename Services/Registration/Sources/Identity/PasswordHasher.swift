import HummingbirdBcrypt
import NIOPosix

/// bcrypt password hashing off the request threads: one hash costs tens to hundreds of milliseconds by design, so it
/// runs on NIO's blocking thread pool instead of the event loops or Swift's cooperative pool.
struct PasswordHasher: Sendable {
    /// bcrypt's cost factor (log2 of the rounds); 12 by default, lower only in tests and benchmarks.
    let cost: UInt8

    /// A hash of a random password, compared against when no account matches, so a login for an unknown account takes
    /// as long as one for a known account and does not reveal which e-mail addresses or NIKs are registered.
    let decoyHash: String

    init(cost: UInt8) {
        self.cost = cost
        self.decoyHash = Bcrypt.hash("decoy-\(UInt64.random(in: .min ... .max))", cost: cost)
    }

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`; with `hash == nil` it checks against the decoy and answers `false`.
    func verify(_ password: String, hash: String?) async throws -> Bool {
        let target = hash ?? decoyHash
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: target) }
        return hash != nil && matches
    }
}
