/// The command line of `asn-bench`: which benchmarks to run and how big they are.
struct BenchOptions: Sendable {
    /// One of the measurements.
    enum Benchmark: String, CaseIterable, Sendable {
        case producer, projection, skeleton, submissions, uploads, queue, ranking, results
        case transparencyLog = "transparency-log"
        case scoreboard
    }

    var benchmarks: [Benchmark] = Benchmark.allCases
    /// Events the producer benchmark publishes.
    var producerEvents = 100_000
    /// Records per `send(batch:)` call (the outbox relay's default batch size).
    var producerBatch = 1_000
    /// Events the projection benchmark replays into a fresh announcements service.
    var projectionEvents = 50_000
    /// Formations the projected events are spread over.
    var formations = 4
    /// Submissions per second in the walking-skeleton benchmark.
    var rate = 100
    /// How long the walking-skeleton load lasts.
    var seconds = 30
    /// Pause between two reads of the public count.
    var pollMilliseconds = 5
    /// Complete drafts the submissions benchmark prepares, if given: the open loop submits `submissionRate ×
    /// submissionSeconds` of them, the closed loop the rest. Default: see ``submissionDrafts``.
    var drafts: Int?
    /// Submissions per second of the submissions benchmark's open loop (the target).
    var submissionRate = 500
    /// How long that open loop lasts.
    var submissionSeconds = 6
    /// Concurrent submitters of the submissions benchmark's closed loop.
    var concurrency = 16
    /// Uploads per second of the uploads benchmark's open loop.
    var uploadRate = 20
    /// How long that open loop lasts (the closed loop sends as many uploads).
    var uploadSeconds = 10
    /// Concurrent uploaders of the uploads benchmark's closed loop.
    var uploaders = 4
    /// Submitted applications the queue benchmark projects into a fresh verification service.
    var queueCases = 100_000
    /// Queue listings the queue benchmark times.
    var queueListings = 1_000
    /// Candidates of the one formation the ranking benchmark ranks.
    var rankingCandidates = 100_000
    /// SKD results the results benchmark records (one per seated candidate).
    var resultCandidates = 2_000
    /// Results per second it records them at.
    var resultRate = 50
    /// Applicants prepared at the same time before the HTTP benchmarks (not measured).
    var prepareConcurrency = 8
    /// Leaves the transparency-log benchmark appends.
    var logLeaves = 1_000_000
    /// Leaves per append transaction of the transparency-log benchmark.
    var logBatch = 1_000
    /// Inclusion and consistency proofs the transparency-log benchmark times (each).
    var logProofs = 2_000
    /// Viewers the scoreboard benchmark connects to the stream.
    var scoreboardViewers = 1_000
    /// Scores it publishes, one at a time.
    var scoreboardScores = 30
    /// Where the results file goes, if given; default: ``BenchResultsFile/defaultPath``.
    var reportPath: String?

    /// Drafts the closed loop of the submissions benchmark gets unless `--drafts` says otherwise.
    static let closedLoopDrafts = 2_000
    /// The drafts the submissions benchmark prepares: `--drafts`, else the open loop's plus 2,000 (5,000 by default).
    var submissionDrafts: Int { drafts ?? submissionRate * submissionSeconds + Self.closedLoopDrafts }

    static let usage = """
        usage: asn-bench [--only producer|projection|skeleton|submissions|uploads|queue|ranking|results|transparency-log|scoreboard[,...]] [--events N]
                         [--producer-events N] [--batch N] [--projection-events N] [--formations N] [--rate R]
                         [--seconds S] [--poll-ms MS] [--drafts N] [--submission-rate R] [--submission-seconds S]
                         [--concurrency N] [--upload-rate R] [--upload-seconds S] [--uploaders N]
                         [--queue-cases N] [--queue-listings N] [--ranking-candidates N]
                         [--result-candidates N] [--result-rate R] [--prepare-concurrency N]
                         [--log-leaves N] [--log-batch N] [--log-proofs N] [--viewers N] [--scores N]
                         [--report PATH]

          --only                   run only these benchmarks (comma-separated or repeated; default: all ten)
          --events N               events of the producer and projection benchmarks (defaults 100000 and 50000)
          --producer-events N      events of the producer benchmark only
          --batch N                records per producer batch (default 1000, the outbox relay's batch size)
          --projection-events N    events of the projection benchmark only
          --formations N           formations the projected events are spread over (default 4)
          --rate R                 submissions per second of the walking-skeleton benchmark (default 100)
          --seconds S              duration of the walking-skeleton load (default 30)
          --poll-ms MS             pause between two reads of the public count (default 5)
          --drafts N               complete drafts the submissions benchmark prepares: its open loop submits
                                   rate × seconds of them, its closed loop the rest (default: open loop + 2000 = 5000)
          --submission-rate R      submissions per second of the submissions open loop (default 500)
          --submission-seconds S   duration of the submissions open loop (default 6)
          --concurrency N          concurrent submitters of the submissions closed loop (default 16)
          --upload-rate R          800 KB PDF uploads per second of the uploads open loop (default 20)
          --upload-seconds S       duration of the uploads open loop; the closed loop sends as many (default 10)
          --uploaders N            concurrent uploaders of the uploads closed loop (default 4)
          --queue-cases N          submissions the verification queue benchmark projects (default 100000)
          --queue-listings N       queue listings it times (default 1000)
          --ranking-candidates N   candidates of the formation the ranking benchmark ranks (default 100000)
          --result-candidates N    SKD results the results benchmark records, one per candidate (default 2000)
          --result-rate R          results per second it records (default 50)
          --prepare-concurrency N  applicants prepared at the same time before the HTTP benchmarks (default 8)
          --log-leaves N           leaves the transparency-log benchmark appends (default 1000000; e.g. 20000 for
                                   a quick run)
          --log-batch N            leaves per append transaction of the transparency-log benchmark (default 1000)
          --log-proofs N           inclusion and consistency proofs it times, each (default 2000)
          --viewers N              scoreboard streams the scoreboard benchmark opens (default 1000)
          --scores N               scores it publishes one at a time, timing each to every viewer (default 30)
          --report PATH            where to write the results in Markdown: machine, method, summary, memory
                                   (default: .stack/bench/PERFORMANCE.md in the repository)

        The HTTP benchmarks (skeleton, submissions, uploads) start their own services with bcrypt cost 4 (production:
        12); only failed logins are rate-limited, so preparing thousands of applicants from
        127.0.0.1 is cheap and not throttled; preparation (sign-up, login, start, documents) is never measured.

        Environment (set by deploy/local/bench.sh): ASN_TEST_POSTGRES_URL (a superuser URL, to create databases),
        ASN_TEST_KAFKA_BROKERS (host:port,...), LD_LIBRARY_PATH (librdkafka >= 2.16 first, for Tansu); optional
        ASN_BIN_DIR (where the registration and announcements executables are; default: beside asn-bench) and
        ASN_TEST_LOG_DIR (where the started services log).
        """

    /// Parses `arguments` (without the program name).
    init(arguments: [String]) throws(BenchOptionsError) {
        var only: [Benchmark] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let flag = arguments[index]
            index += 1
            if flag == "--help" || flag == "-h" { throw .helpRequested }
            guard index < arguments.endIndex else {
                throw Self.knownFlags.contains(flag) ? .missingValue(flag) : .unknownFlag(flag)
            }
            let value = arguments[index]
            index += 1
            switch flag {
            case "--only":
                for name in value.split(separator: ",") {
                    guard let benchmark = Benchmark(rawValue: String(name)) else {
                        throw .invalidValue(flag: flag, value: String(name),
                                            expected: "producer, projection, skeleton, submissions, uploads, queue, ranking, results, transparency-log or scoreboard")
                    }
                    only.append(benchmark)
                }
            case "--events":
                producerEvents = try Self.positive(value, flag)
                projectionEvents = producerEvents
            case "--producer-events": producerEvents = try Self.positive(value, flag)
            case "--batch": producerBatch = try Self.positive(value, flag)
            case "--projection-events": projectionEvents = try Self.positive(value, flag)
            case "--formations": formations = try Self.positive(value, flag)
            case "--rate": rate = try Self.positive(value, flag)
            case "--seconds": seconds = try Self.positive(value, flag)
            case "--poll-ms": pollMilliseconds = try Self.positive(value, flag)
            case "--drafts": drafts = try Self.positive(value, flag)
            case "--submission-rate": submissionRate = try Self.positive(value, flag)
            case "--submission-seconds": submissionSeconds = try Self.positive(value, flag)
            case "--concurrency": concurrency = try Self.positive(value, flag)
            case "--upload-rate": uploadRate = try Self.positive(value, flag)
            case "--upload-seconds": uploadSeconds = try Self.positive(value, flag)
            case "--uploaders": uploaders = try Self.positive(value, flag)
            case "--queue-cases": queueCases = try Self.positive(value, flag)
            case "--queue-listings": queueListings = try Self.positive(value, flag)
            case "--ranking-candidates": rankingCandidates = try Self.positive(value, flag)
            case "--result-candidates": resultCandidates = try Self.positive(value, flag)
            case "--result-rate": resultRate = try Self.positive(value, flag)
            case "--prepare-concurrency": prepareConcurrency = try Self.positive(value, flag)
            case "--log-leaves": logLeaves = try Self.positive(value, flag)
            case "--log-batch": logBatch = try Self.positive(value, flag)
            case "--log-proofs": logProofs = try Self.positive(value, flag)
            case "--viewers": scoreboardViewers = try Self.positive(value, flag)
            case "--scores": scoreboardScores = try Self.positive(value, flag)
            case "--report":
                guard !value.isEmpty else { throw .invalidValue(flag: flag, value: value, expected: "a file path") }
                reportPath = value
            default: throw .unknownFlag(flag)
            }
        }
        if !only.isEmpty {
            benchmarks = Benchmark.allCases.filter(only.contains)
        }
        if benchmarks.contains(.submissions), let drafts, drafts <= submissionRate * submissionSeconds {
            throw .invalidValue(
                flag: "--drafts", value: String(drafts),
                expected: "more than --submission-rate × --submission-seconds (\(submissionRate * submissionSeconds)), "
                    + "so that the closed loop has drafts left")
        }
    }

    private static let knownFlags: Set<String> = [
        "--only", "--events", "--producer-events", "--batch", "--projection-events", "--formations", "--rate",
        "--seconds", "--poll-ms", "--drafts", "--submission-rate", "--submission-seconds", "--concurrency",
        "--upload-rate", "--upload-seconds", "--uploaders", "--queue-cases", "--queue-listings",
        "--ranking-candidates", "--result-candidates", "--result-rate", "--prepare-concurrency",
        "--log-leaves", "--log-batch", "--log-proofs", "--viewers", "--scores", "--report",
    ]

    private static func positive(_ value: String, _ flag: String) throws(BenchOptionsError) -> Int {
        guard let number = Int(value.filter { $0 != "_" }), number > 0 else {
            throw .invalidValue(flag: flag, value: value, expected: "a positive integer")
        }
        return number
    }
}

/// What is wrong with the command line.
enum BenchOptionsError: Error, CustomStringConvertible {
    case helpRequested
    case unknownFlag(String)
    case missingValue(String)
    case invalidValue(flag: String, value: String, expected: String)

    var description: String {
        switch self {
        case .helpRequested: "help requested"
        case .unknownFlag(let flag): "unknown option \(flag)"
        case .missingValue(let flag): "\(flag) needs a value"
        case .invalidValue(let flag, let value, let expected): "\(flag) \(value): expected \(expected)"
        }
    }
}
