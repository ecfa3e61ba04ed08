/// The command line of `asn-bench`: which benchmarks to run and how big they are.
struct BenchOptions: Sendable {
    /// One of the measurements.
    enum Benchmark: String, CaseIterable, Sendable {
        case producer, projection, skeleton
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
    /// Registrations per second in the walking-skeleton benchmark.
    var rate = 100
    /// How long the walking-skeleton load lasts.
    var seconds = 30
    /// Pause between two reads of the public count.
    var pollMilliseconds = 5

    static let usage = """
        usage: asn-bench [--only producer|projection|skeleton[,...]] [--events N] [--producer-events N]
                         [--batch N] [--projection-events N] [--formations N] [--rate R] [--seconds S] [--poll-ms MS]

          --only                 run only these benchmarks (comma-separated or repeated; default: all three)
          --events N             events of the producer and projection benchmarks (defaults 100000 and 50000)
          --producer-events N    events of the producer benchmark only
          --batch N              records per producer batch (default 1000, the outbox relay's batch size)
          --projection-events N  events of the projection benchmark only
          --formations N         formations the projected events are spread over (default 4)
          --rate R               registrations per second of the walking-skeleton benchmark (default 100)
          --seconds S            duration of the walking-skeleton load (default 30)
          --poll-ms MS           pause between two reads of the public count (default 5)

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
                        throw .invalidValue(flag: flag, value: String(name), expected: "producer, projection or skeleton")
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
            default: throw .unknownFlag(flag)
            }
        }
        if !only.isEmpty {
            benchmarks = Benchmark.allCases.filter(only.contains)
        }
    }

    private static let knownFlags: Set<String> = [
        "--only", "--events", "--producer-events", "--batch", "--projection-events", "--formations", "--rate",
        "--seconds", "--poll-ms",
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
