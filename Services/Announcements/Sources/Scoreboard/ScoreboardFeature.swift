import Hummingbird
import ServiceKit

/// The live scoreboard as the service wires it: settings, the in-memory hub, the PostgreSQL listener (a background
/// service) and the routes.
struct ScoreboardFeature: Sendable {
    enum Key {
        static let heartbeatSeconds = ConfigurationKey(
            "ASN_SCOREBOARD_HEARTBEAT_SECONDS", default: "15",
            help: "Seconds between heartbeat comments on open scoreboard streams (1-300); they keep proxies from "
                + "closing idle streams and find viewers that went away.")
        static let maximumViewers = ConfigurationKey(
            "ASN_SCOREBOARD_MAX_VIEWERS", default: "10000",
            help: "Scoreboard streams one instance serves at most (1-1000000); more are refused with 503. Mind the "
                + "process's open-file limit (ulimit -n).")
        static let viewerBuffer = ConfigurationKey(
            "ASN_SCOREBOARD_VIEWER_BUFFER", default: "256",
            help: "Events a scoreboard viewer may have waiting (16-65536); a viewer further behind is disconnected "
                + "and its browser resynchronises with Last-Event-ID.")

        static var all: [ConfigurationKey] { [heartbeatSeconds, maximumViewers, viewerBuffer] }
    }

    let hub: ScoreboardHub
    let listener: ScoreboardListener
    let routes: ScoreboardRoutes

    init(context: ServiceContext) throws {
        let reader = context.reader
        hub = ScoreboardHub(
            bufferSize: try reader.int(Key.viewerBuffer, in: 16...65_536),
            maximumViewers: try reader.int(Key.maximumViewers, in: 1...1_000_000))
        listener = ScoreboardListener(
            postgres: context.postgres, hub: hub,
            heartbeatInterval: .seconds(try reader.int(Key.heartbeatSeconds, in: 1...300)), logger: context.logger)
        routes = ScoreboardRoutes(postgres: context.postgres, hub: hub, logger: context.logger)
    }

    func register(on router: Router<ServiceRequestContext>) {
        routes.register(on: router)
    }
}
