public import EventStore
import Foundation
public import Hummingbird
public import RecruitmentEvents
public import ServiceKit

/// Online registration: selection periods and formations, applicant identity, documents and applications.
/// The only service that holds NIK and KK numbers; they never leave it.
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
        static let adminToken = ConfigurationKey(
            "ASN_REGISTRATION_ADMIN_TOKEN", default: "",
            help: "Bearer token of the bootstrap administrator (periods, formations); empty closes the admin API.",
            isSecret: true)
    }

    public static var configurationKeys: [ConfigurationKey] { [Key.personalDataKey, Key.nikIndexKey, Key.adminToken] }

    let context: ServiceContext
    let protection: PersonalDataProtection
    let adminToken: String

    public init(context: ServiceContext) throws {
        self.context = context
        let encryption = try context.reader.string(Key.personalDataKey)
        let index = try context.reader.string(Key.nikIndexKey)
        do {
            protection = try PersonalDataProtection(encryptionKeyBase64: encryption, indexKeyBase64: index)
        } catch {
            let key = (try? PersonalDataProtection.key(encryption)) == nil ? Key.personalDataKey : Key.nikIndexKey
            throw ConfigurationError.invalid(key: key.name, value: "", expected: "base64 of exactly 32 bytes")
        }
        adminToken = try context.reader.string(Key.adminToken)
    }

    public func registerRoutes(on router: Router<ServiceRequestContext>) {
        let maxBody = context.configuration.maxJSONBodyBytes
        let catalogue = CatalogueRoutes(context: context, maxBody: maxBody)
        let admin = router.group("/v1/admin").add(middleware: AdminTokenMiddleware(token: adminToken))
        catalogue.register(admin: admin, public: router)
        RegistrationRoutes(context: context, catalogue: catalogue, protection: protection, maxBody: maxBody)
            .register(on: router)
    }
}
