public import EventStore
import Foundation
public import Hummingbird
import Logging
public import RecruitmentEvents
public import ServiceKit
public import ServiceLifecycle

/// Administrative verification (DOMAIN §1.4-1.5): the queue of submitted applications, claims with leases, verdicts
/// per document, MS/TMS decisions with four eyes, publication of a formation's results, objections and their answers.
/// It consumes the registration topic and publishes every action to the verification topic.
public struct VerificationService: RecruitmentService {
    public static let name = "verification"
    public static let defaultPort = 8082
    public static let publishes: RecruitmentTopic? = .verification
    public static var migrations: [Migration] { VerificationMigrations.all }

    enum Key {
        static let registrationURL = ConfigurationKey(
            "ASN_VERIFICATION_REGISTRATION_URL", default: "http://127.0.0.1:8081",
            help: "Base URL of the registration service, from which officers' documents are fetched "
                + "(`/internal/v1/documents/{id}`, with the officer's own token).")
        static let leaseSeconds = ConfigurationKey(
            "ASN_VERIFICATION_LEASE_SECONDS", default: "1800",
            help: "How long a verifier's claim on a case lasts (5-28800 s); claiming again renews it, and an "
                + "expired claim returns the case to the queue.")
        static let countersign = ConfigurationKey(
            "ASN_VERIFICATION_COUNTERSIGN", default: "tms",
            help: "Which decisions a supervisor must countersign before they are final: `tms` or `all`.")
        static let objectionWindowDays = ConfigurationKey(
            "ASN_VERIFICATION_OBJECTION_WINDOW_DAYS", default: "3",
            help: "Calendar days after the announcement day (agency time zone) during which objections can be filed.")
        static let objectionAnswerDays = ConfigurationKey(
            "ASN_VERIFICATION_OBJECTION_ANSWER_DAYS", default: "7",
            help: "Calendar days after the objection window closes by which objections must be answered.")
        static let historyShowsOfficers = ConfigurationKey(
            "ASN_VERIFICATION_HISTORY_SHOWS_OFFICERS", default: "false",
            help: "Whether applicants see the officer account ids in their case's history.")
        static let intakeConsumers = ConfigurationKey(
            "ASN_VERIFICATION_INTAKE_CONSUMERS", default: "2",
            help: "Consumers of the registration topic per instance (1-16) that open cases; several overlap one "
                + "batch's database work with the next one's decoding (a registration peak of 100,000 submissions).")
        static let metricsIntervalSeconds = ConfigurationKey(
            "ASN_VERIFICATION_METRICS_INTERVAL_SECONDS", default: "15",
            help: "How often the backlog gauges (queue depth, oldest case, objections) are sampled (1-3600 s).")
    }

    public static var configurationKeys: [ConfigurationKey] {
        [Key.registrationURL, Key.leaseSeconds, Key.countersign, Key.objectionWindowDays, Key.objectionAnswerDays,
         Key.historyShowsOfficers, Key.intakeConsumers, Key.metricsIntervalSeconds] + JWKSRefresher.Key.all
    }

    let context: ServiceContext
    let keys: JWKSRefresher
    let policy: VerificationPolicy
    let registrationURL: String
    let metricsInterval: Duration
    let intakeConsumers: Int

    public init(context: ServiceContext) throws {
        self.context = context
        let reader = context.reader
        keys = try JWKSRefresher(reader: reader, logger: context.logger)
        policy = VerificationPolicy(
            lease: .seconds(try reader.int(Key.leaseSeconds, in: 5...28_800)),
            countersignature: try reader.choice(Key.countersign, as: CountersignaturePolicy.self),
            objectionWindow: ObjectionWindowPolicy(
                windowDays: try reader.int(Key.objectionWindowDays, in: 0...30),
                answerDays: try reader.int(Key.objectionAnswerDays, in: 0...60)),
            historyShowsOfficers: try reader.bool(Key.historyShowsOfficers))
        registrationURL = try reader.baseURL(Key.registrationURL)
        metricsInterval = .seconds(try reader.int(Key.metricsIntervalSeconds, in: 1...3600))
        intakeConsumers = try reader.int(Key.intakeConsumers, in: 1...16)
    }

    public var projections: [Projection] {
        [CaseIntakeProjection(eventStore: context.eventStore, consumers: intakeConsumers).projection]
    }

    public var backgroundServices: [any Service] {
        [keys, VerificationMetricsSampler(postgres: context.postgres, interval: metricsInterval, logger: context.logger)]
    }

    public var readinessChecks: [ReadinessCheck] { [keys.readinessCheck] }

    var store: CaseStore { CaseStore(postgres: context.postgres, logger: context.logger) }

    var caseRoutes: CaseRoutes {
        CaseRoutes(
            commands: CaseCommands(eventStore: context.eventStore, store: store, logger: context.logger),
            documents: RegistrationDocumentClient(baseURL: registrationURL, logger: context.logger),
            policy: policy, maxBody: context.configuration.maxJSONBodyBytes)
    }

    public func registerRoutes(on router: Router<ServiceRequestContext>) {
        let maxBody = context.configuration.maxJSONBodyBytes
        router.add(middleware: AuthenticationMiddleware(verifier: keys.verifier))
        let cases = caseRoutes
        cases.register(on: router)
        WorkListRoutes(store: store).register(on: router)
        PublicationRoutes(
            commands: PublicationCommands(
                eventStore: context.eventStore, store: store, windows: policy.objectionWindow, logger: context.logger),
            maxBody: maxBody
        ).register(on: router)
        ApplicantRoutes(cases: cases, maxBody: maxBody).register(on: router)
    }
}
