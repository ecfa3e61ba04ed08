public import EventStore
public import Hummingbird
public import RecruitmentEvents
public import ServiceKit

/// The public face of the selection: official announcements, the transparency log, the live scoreboard, feedback
/// and open data. It consumes every topic and projects public read models; it never sees personal data.
public struct AnnouncementsService: RecruitmentService {
    public static let name = "announcements"
    public static let defaultPort = 8084
    public static let publishes: RecruitmentTopic? = .announcement
    public static var migrations: [Migration] { AnnouncementsMigrations.all }

    let context: ServiceContext

    public init(context: ServiceContext) throws {
        self.context = context
    }

    public var projections: [Projection] {
        [FormationCountsProjection.projection]
    }

    public func registerRoutes(on router: Router<ServiceRequestContext>) {
        FormationCountsRoutes(postgres: context.postgres, logger: context.logger).register(on: router)
    }
}
