/// How a run is shaped: where the suite is, who administers it, how big and how fast.
public struct SimulationOptions: Sendable {
    public var endpoints: ServiceEndpoints
    /// The initial administrator the registration service was configured with.
    public var adminEmail: String
    public var adminPassword: String
    /// How many applicants to plan (≥ 1).
    public var applicants: Int
    /// The plan's seed; the same seed plans the same selection.
    public var seed: UInt64
    /// Distinguishes this run's identities from earlier runs' against the same suite (0...9999).
    public var runTag: Int
    /// Requests in flight at once per stage (1 = one applicant after the other).
    public var concurrency: Int
    /// Over how long the SKD results are spread, so the live scoreboard visibly fills (zero: as fast as possible).
    public var skdPace: Duration
    /// The agency's IANA time zone (Kota Kupang: `Asia/Makassar`, WITA).
    public var timeZone: String
    /// How long to wait for an event to reach another service's read model before failing.
    public var propagationTimeout: Duration
    /// The officer accounts' password (the simulator creates them, or logs in if they exist).
    public var officerPassword: String
    /// Whether the period asks only for the four documents the plan's decisions name (surat lamaran, ijazah, transkrip
    /// nilai, KTP) instead of the national six: fewer requests per applicant for load and fault runs.
    public var leanDocuments: Bool
    /// How long a request is retried while its service answers 503 or refuses connections (a restart, a database
    /// outage); see ``SuiteClient``.
    public var unavailableRetryWindow: Duration

    public init(endpoints: ServiceEndpoints = .local, adminEmail: String, adminPassword: String, applicants: Int = 200,
                seed: UInt64 = 2026, runTag: Int = 0, concurrency: Int = 4, skdPace: Duration = .zero,
                timeZone: String = "Asia/Makassar", propagationTimeout: Duration = .seconds(120),
                officerPassword: String = "Simulasi-Petugas-2026", leanDocuments: Bool = false,
                unavailableRetryWindow: Duration = .seconds(60))
    {
        self.endpoints = endpoints
        self.adminEmail = adminEmail
        self.adminPassword = adminPassword
        self.applicants = max(1, applicants)
        self.seed = seed
        self.runTag = runTag
        self.concurrency = max(1, concurrency)
        self.skdPace = skdPace
        self.timeZone = timeZone
        self.propagationTimeout = propagationTimeout
        self.officerPassword = officerPassword
        self.leanDocuments = leanDocuments
        self.unavailableRetryWindow = unavailableRetryWindow
    }
}
