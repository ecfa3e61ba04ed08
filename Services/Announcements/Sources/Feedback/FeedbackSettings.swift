import ServiceKit

/// The feedback channel's configuration: the per-client budget, the body limit and whom to believe about the client's
/// address.
struct FeedbackSettings: Sendable, Equatable {
    /// Feedback a client may send at once (the bucket's size).
    var burst: Int
    /// Seconds in which an emptied budget refills completely.
    var windowSeconds: Int
    /// Clients whose budget is remembered at most; beyond it the least recently seen are forgotten.
    var trackedClients: Int
    /// Largest accepted `POST /v1/feedback` body in bytes (larger: 413).
    var maxBodyBytes: Int
    /// Addresses of reverse proxies whose `X-Forwarded-For` is believed; empty: the peer address is the client.

    static let defaults = FeedbackSettings(
        burst: 5, windowSeconds: 600, trackedClients: 10_000, maxBodyBytes: 16_384)

    enum Key {
        static let burst = ConfigurationKey(
            "ASN_ANNOUNCEMENTS_FEEDBACK_BURST", default: "5",
            help: "Public feedback a client address may send at once (1-1000); then 429 with Retry-After until the "
                + "budget refills. Kept in memory per instance.")
        static let window = ConfigurationKey(
            "ASN_ANNOUNCEMENTS_FEEDBACK_WINDOW_SECONDS", default: "600",
            help: "Seconds (1-86400) in which a client's emptied feedback budget refills completely (default: 5 per "
                + "10 minutes).")
        static let trackedClients = ConfigurationKey(
            "ASN_ANNOUNCEMENTS_FEEDBACK_TRACKED_CLIENTS", default: "10000",
            help: "Client addresses (100-1000000) whose feedback budget is remembered; beyond it the least recently "
                + "seen are forgotten, so the limiter's memory stays bounded under a flood of addresses.")
        static let maxBody = ConfigurationKey(
            "ASN_ANNOUNCEMENTS_FEEDBACK_MAX_BODY_BYTES", default: "16384",
            help: "Largest accepted feedback request body in bytes (1024-1048576); larger ones get 413.")
        static let all = [burst, window, trackedClients, maxBody]
    }

    /// Reads the keys; throws ``ConfigurationError`` naming a bad one.
    init(reader: ConfigurationReader) throws {
        self.init(
            burst: try reader.int(Key.burst, in: 1...1000),
            windowSeconds: try reader.int(Key.window, in: 1...86_400),
            trackedClients: try reader.int(Key.trackedClients, in: 100...1_000_000),
            maxBodyBytes: try reader.int(Key.maxBody, in: 1024...1_048_576))
    }

    init(burst: Int, windowSeconds: Int, trackedClients: Int, maxBodyBytes: Int) {
        self.burst = burst
        self.windowSeconds = windowSeconds
        self.trackedClients = trackedClients
        self.maxBodyBytes = maxBodyBytes
    }
}
