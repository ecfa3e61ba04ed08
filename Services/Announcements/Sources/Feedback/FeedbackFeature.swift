import Hummingbird
import ServiceKit
import ServiceLifecycle

/// The feedback channel as the announcements service holds it: its settings and the one rate limiter of the
/// instance (created once, at start, so every request shares it).
struct FeedbackFeature: Sendable {
    let settings: FeedbackSettings
    let limiter: FeedbackRateLimiter
    let store: FeedbackStore
    let commands: FeedbackCommands
    let maxBody: Int

    /// The feedback keys the service declares.
    static var configurationKeys: [ConfigurationKey] { FeedbackSettings.Key.all }

    /// Reads the settings (throws ``ConfigurationError``) and prepares the limiter, store and commands.
    init(context: ServiceContext) throws {
        settings = try FeedbackSettings(reader: context.reader)
        limiter = FeedbackRateLimiter(
            burst: settings.burst, window: .seconds(settings.windowSeconds), maxClients: settings.trackedClients)
        store = FeedbackStore(postgres: context.postgres, logger: context.logger)
        commands = FeedbackCommands(postgres: context.postgres, eventStore: context.eventStore, logger: context.logger)
        maxBody = context.configuration.maxJSONBodyBytes
    }

    var routes: FeedbackRoutes {
        FeedbackRoutes(
            commands: commands, store: store, limiter: limiter, maxSubmissionBytes: settings.maxBodyBytes, maxBody: maxBody, logger: commands.logger)
    }

    /// The moderation backlog gauges.
    var backlogSampler: any Service { FeedbackBacklogSampler(store: store, logger: commands.logger) }
}
