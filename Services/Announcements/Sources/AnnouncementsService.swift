public import EventStore
public import Hummingbird
public import RecruitmentEvents
public import ServiceKit
public import ServiceLifecycle

/// The public face of the selection: official announcements, the transparency log, the live scoreboard, feedback
/// and open data. It consumes every topic and projects public read models; it never sees personal data.
///
/// Officer routes (announcers drafting and publishing, moderating feedback) trust the registration service's token
/// keys (`ASN_AUTH_JWKS_URL`). Those keys are deliberately not a readiness condition: the public pages must stay up
/// while the identity provider is down; officer requests then fail with 401/503 instead.
public struct AnnouncementsService: RecruitmentService {
    public static let name = "announcements"
    public static let defaultPort = 8084
    public static let publishes: RecruitmentTopic? = .announcement
    public static var migrations: [Migration] { AnnouncementsMigrations.all }

    enum Key {
        static let publicURL = ConfigurationKey(
            "ASN_ANNOUNCEMENTS_PUBLIC_URL", default: "http://127.0.0.1:8084",
            help: "The public base URL of this service as the public reaches it; an announcement's event names "
                + "`<this>/v1/log/records/<announcement id>` as the address of its published record.")
    }

    public static var configurationKeys: [ConfigurationKey] {
        [Key.publicURL] + JWKSRefresher.Key.all + FeedbackFeature.configurationKeys + ScoreboardFeature.Key.all
            + TransparencyLogFeature.configurationKeys
    }

    let context: ServiceContext
    let keys: JWKSRefresher
    let feedback: FeedbackFeature
    let scoreboard: ScoreboardFeature
    let transparencyLog: TransparencyLogFeature
    let publicURL: String

    public init(context: ServiceContext) throws {
        self.context = context
        keys = try JWKSRefresher(reader: context.reader, logger: context.logger)
        feedback = try FeedbackFeature(context: context)
        scoreboard = try ScoreboardFeature(context: context)
        transparencyLog = try TransparencyLogFeature(context: context)
        publicURL = try context.reader.baseURL(Key.publicURL)
    }

    public var projections: [Projection] {
        [FormationCountsProjection.projection, PublicSelectionProjection.projection,
         PublicExamResultsProjection.projection, ScoreboardProjection.projection]
    }

    public var backgroundServices: [any Service] {
        [keys, feedback.backlogSampler, scoreboard.listener, transparencyLog.signer]
    }

    public func registerRoutes(on router: Router<ServiceRequestContext>) {
        router.add(middleware: AuthenticationMiddleware(verifier: keys.verifier))
        FormationCountsRoutes(postgres: context.postgres, logger: context.logger).register(on: router)
        let results = PublicResultsStore(postgres: context.postgres, logger: context.logger)
        PublicResultsRoutes(store: results).register(on: router)
        OpenDataRoutes(store: results).register(on: router)
        AnnouncementRoutes(
            store: AnnouncementStore(
                postgres: context.postgres, eventStore: context.eventStore,
                drafter: AnnouncementDrafter(store: results, postgres: context.postgres, logger: context.logger),
                log: transparencyLog.announcementLog, publicURL: publicURL, logger: context.logger),
            maxBody: context.configuration.maxJSONBodyBytes
        ).register(on: router)
        feedback.routes.register(on: router)
        scoreboard.register(on: router)
        transparencyLog.register(on: router)
        PublicPageRoutes().register(on: router)
    }
}
