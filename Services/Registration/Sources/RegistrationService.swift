public import EventStore
import Foundation
public import Hummingbird
import Logging
public import RecruitmentEvents
public import ServiceKit

/// Online registration: selection periods and formations, applicant identity, documents and applications.
/// The only service that holds NIK and KK numbers; they never leave it. It is also the identity provider of the suite
/// (ARCHITECTURE §6): it signs the short-lived access tokens every service verifies against its JWKS.
public struct RegistrationService: RecruitmentService {
    public static let name = "registration"
    public static let defaultPort = 8081
    public static let publishes: RecruitmentTopic? = .registration
    public static var migrations: [Migration] { RegistrationMigrations.all }

    enum Key {
        static let personalDataKey = ConfigurationKey(
            "ASN_REGISTRATION_PERSONAL_DATA_KEY", default: nil,
            help: "Base64 of 32 random bytes: the AES-256-GCM key that encrypts NIK and KK numbers at rest.",
            isSecret: true)
        static let nikIndexKey = ConfigurationKey(
            "ASN_REGISTRATION_NIK_INDEX_KEY", default: nil,
            help: "Base64 of 32 random bytes: the HMAC key of the NIK uniqueness index (no plain-text NIK index).",
            isSecret: true)
        static let signingKey = ConfigurationKey(
            "ASN_REGISTRATION_JWT_SIGNING_KEY", default: nil,
            help: "Base64 of a 32-byte Ed25519 private key (seed) that signs access tokens (EdDSA JWTs).",
            isSecret: true)
        static let previousPublicKeys = ConfigurationKey(
            "ASN_REGISTRATION_JWT_PREVIOUS_PUBLIC_KEYS", default: "",
            help: "Comma-separated base64 Ed25519 public keys still published in the JWKS after a key rotation, "
                + "until the tokens they signed have expired.")
        static let issuer = JWKSRefresher.Key.issuer
        static let tokenLifetime = ConfigurationKey(
            "ASN_REGISTRATION_ACCESS_TOKEN_TTL_SECONDS", default: "900",
            help: "Lifetime of an access token in seconds (60-86400).")
        static let bcryptCost = ConfigurationKey(
            "ASN_REGISTRATION_BCRYPT_COST", default: "12",
            help: "bcrypt cost factor of password hashes (4-16; each step doubles the work; below 10 only for tests).")
        static let failedLoginsPerMinute = ConfigurationKey(
            "ASN_REGISTRATION_FAILED_LOGINS_PER_MINUTE", default: "10",
            help: "Failed logins allowed per client address and minute (burst of the same size); then 429 until "
                + "the budget refills. Accounts also lock after 5 consecutive failures (15 minutes, doubling).")
        static let signUpsPerMinute = ConfigurationKey(
            "ASN_REGISTRATION_SIGNUPS_PER_MINUTE", default: "20",
            help: "Sign-ups allowed per client address and minute (burst of the same size); each costs a bcrypt hash.")
        static let initialAdminEmail = ConfigurationKey(
            "ASN_REGISTRATION_INITIAL_ADMIN_EMAIL", default: "",
            help: "E-mail address of the initial administrator, created at start if no account has it; empty: none.")
        static let initialAdminPassword = ConfigurationKey(
            "ASN_REGISTRATION_INITIAL_ADMIN_PASSWORD", default: "",
            help: "Initial password of that administrator (used only when the account is created).", isSecret: true)
    }

    public static var configurationKeys: [ConfigurationKey] {
        [Key.personalDataKey, Key.nikIndexKey, Key.signingKey, Key.previousPublicKeys, Key.issuer, Key.tokenLifetime,
         Key.bcryptCost, Key.failedLoginsPerMinute, Key.signUpsPerMinute, Key.initialAdminEmail,
         Key.initialAdminPassword]
    }

    let context: ServiceContext
    let protection: PersonalDataProtection
    let tokens: AccessTokenIssuer
    let passwords: PasswordHasher
    let failedLogins: ClientRateLimiter
    let signUps: ClientRateLimiter
    let initialAdmin: (email: String, password: String)?
    let numbers: RegistrationNumberAllocator

    public init(context: ServiceContext) throws {
        self.context = context
        let reader = context.reader
        let encryption = try reader.string(Key.personalDataKey)
        let index = try reader.string(Key.nikIndexKey)
        do {
            protection = try PersonalDataProtection(encryptionKeyBase64: encryption, indexKeyBase64: index)
        } catch {
            let key = (try? PersonalDataProtection.key(encryption)) == nil ? Key.personalDataKey : Key.nikIndexKey
            throw ConfigurationError.invalid(key: key.name, value: "", expected: "base64 of exactly 32 bytes")
        }
        let previous = try reader.list(Key.previousPublicKeys)
        do {
            tokens = try AccessTokenIssuer(
                privateKeyBase64: try reader.string(Key.signingKey), issuer: try reader.string(Key.issuer),
                lifetime: .seconds(try reader.int(Key.tokenLifetime, in: 60...86_400)),
                previousPublicKeysBase64: previous)
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError.invalid(
                key: Key.signingKey.name, value: "",
                expected: "base64 of a 32-byte Ed25519 private key (and valid previous public keys): \(error)")
        }
        numbers = RegistrationNumberAllocator(logger: context.logger)
        passwords = PasswordHasher(cost: UInt8(try reader.int(Key.bcryptCost, in: 4...16)))
        let perMinute = try reader.int(Key.failedLoginsPerMinute, in: 1...10_000)
        failedLogins = ClientRateLimiter(capacity: perMinute, refillPerMinute: perMinute)
        let signUpsPerMinute = try reader.int(Key.signUpsPerMinute, in: 1...100_000)
        signUps = ClientRateLimiter(capacity: signUpsPerMinute, refillPerMinute: signUpsPerMinute)
        let email = try reader.string(Key.initialAdminEmail).trimmingCharacters(in: .whitespaces)
        let password = try reader.string(Key.initialAdminPassword)
        if email.isEmpty {
            initialAdmin = nil
        } else {
            guard SignUpRules.isPlausibleEmail(email.lowercased()) else {
                throw ConfigurationError.invalid(key: Key.initialAdminEmail.name, value: email, expected: "an e-mail address")
            }
            if let issue = PasswordPolicy.check(password, field: "password", email: email).first {
                throw ConfigurationError.invalid(
                    key: Key.initialAdminPassword.name, value: "", expected: "a password: \(issue.message)")
            }
            initialAdmin = (email, password)
        }
    }

    public var projections: [Projection] { [VerificationProgressProjection.projection] }

    public func prepare() async throws {
        guard let initialAdmin else {
            context.logger.notice("no initial administrator configured (ASN_REGISTRATION_INITIAL_ADMIN_EMAIL)")
            return
        }
        try await accountRoutes.ensureInitialAdministrator(email: initialAdmin.email, password: initialAdmin.password)
    }

    var accountRoutes: AccountRoutes {
        AccountRoutes(
            context: context, protection: protection, passwords: passwords, tokens: tokens,
            failedLogins: failedLogins, signUps: signUps,
            accounts: AccountStore(postgres: context.postgres, logger: context.logger),
            maxBody: context.configuration.maxJSONBodyBytes)
    }

    public func registerRoutes(on router: Router<ServiceRequestContext>) {
        let maxBody = context.configuration.maxJSONBodyBytes
        router.add(middleware: AuthenticationMiddleware(verifier: tokens.verifier()))
        let catalogue = CatalogueRoutes(context: context, maxBody: maxBody)
        catalogue.register(on: router)
        accountRoutes.register(on: router)
        let commands = ApplicationCommands(
            context: context, store: ApplicationStore(postgres: context.postgres, logger: context.logger),
            catalogue: catalogue, numbers: numbers)
        ApplicationRoutes(commands: commands, maxBody: maxBody).register(on: router)
        AgeOrderRoutes(postgres: context.postgres, maxBody: maxBody, logger: context.logger).register(on: router)
    }
}
