/// The base URLs of the four services, as a portal frontend would reach them.
public struct ServiceEndpoints: Sendable {
    /// The registration service (identity provider, periods, formations, applications).
    public var registration: String
    /// The document-verification service (cases, decisions, objections, administrative results).
    public var verification: String
    /// The exam-scoring service (sessions, SKD and SKB results, rankings, final results).
    public var examScoring: String
    /// The announcements service (public read models, official announcements, transparency log, scoreboard).
    public var announcements: String

    /// The four base URLs, without a trailing slash (one is removed if given).
    public init(registration: String, verification: String, examScoring: String, announcements: String) {
        func bare(_ url: String) -> String { url.hasSuffix("/") ? String(url.dropLast()) : url }
        self.registration = bare(registration)
        self.verification = bare(verification)
        self.examScoring = bare(examScoring)
        self.announcements = bare(announcements)
    }

    /// The local stack's defaults: the services on 127.0.0.1, ports 8081-8084.
    public static let local = ServiceEndpoints(
        registration: "http://127.0.0.1:8081", verification: "http://127.0.0.1:8082",
        examScoring: "http://127.0.0.1:8083", announcements: "http://127.0.0.1:8084")
}
