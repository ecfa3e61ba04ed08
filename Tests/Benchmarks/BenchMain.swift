import Foundation
import Kafka
import Logging
import SuiteHarness

/// `asn-bench`: measures the issue's performance targets against the local stack and prints the figures.
///
/// It is a measurement, not a test: it exits 0 whether the targets are met or not, 1 only if a benchmark could not
/// run at all, 64 for a bad command line and 78 for a missing environment.
enum BenchMain {
    static func run(arguments: [String]) async -> Int32 {
        let options: BenchOptions
        do {
            options = try BenchOptions(arguments: arguments)
        } catch .helpRequested {
            BenchReport.write(BenchOptions.usage)
            return 0
        } catch {
            FileHandle.standardError.write(Data("asn-bench: \(error)\n\n\(BenchOptions.usage)\n".utf8))
            return 64
        }
        let environment: BenchEnvironment
        do {
            environment = try BenchEnvironment()
        } catch {
            FileHandle.standardError.write(Data("asn-bench: \(error)\n".utf8))
            return 78
        }
        var logger = Logger(label: "asn-bench") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning

        BenchReport.write("asn-bench: \(options.benchmarks.map(\.rawValue).joined(separator: ", "))")
        BenchReport.line("broker \(environment.kafkaBrokers.joined(separator: ",")), librdkafka \(KafkaLibrary.version); "
                         + "services from \(ServiceProcess.binaryDirectory.path)")
        if !environment.hasLibraryPath {
            BenchReport.line("warning: LD_LIBRARY_PATH is not set; Tansu needs librdkafka ≥ 2.16 first on it "
                             + "(deploy/local/bench.sh sets it)")
        }
        let kafka = BenchKafka(brokers: environment.kafkaBrokers, logger: logger)
        let databases = ScratchDatabases(adminURL: environment.postgresAdminURL, logger: logger)
        let poll = Duration.milliseconds(options.pollMilliseconds)
        var figures: [BenchFigure] = []
        var failed = false

        for benchmark in options.benchmarks {
            switch benchmark {
            case .producer:
                BenchReport.heading("Producer: events/s with acks=all")
                let result = await attempt {
                    try await ProducerBenchmark(kafka: kafka, events: options.producerEvents, batchSize: options.producerBatch).run()
                }
                failed = failed || result == nil
                figures += [
                    .rate("producer throughput (acks=all)", result?.eventsPerSecond, target: 20_000, unit: "events/s"),
                    .latency("producer batch latency p50", result?.batchLatencies.percentile(50), target: nil),
                    .latency("producer batch latency p99", result?.batchLatencies.percentile(99), target: nil),
                ]
            case .projection:
                BenchReport.heading("Projection: events/s into PostgreSQL")
                let result = await attempt {
                    try await ProjectionBenchmark(kafka: kafka, databases: databases, events: options.projectionEvents,
                                                  formations: options.formations, pollInterval: poll).run()
                }
                failed = failed || result == nil
                figures += [
                    .rate("projection throughput", result?.eventsPerSecond, target: 5_000, unit: "events/s"),
                    .latency("projection group join", result?.groupJoin, target: nil),
                ]
            case .skeleton:
                BenchReport.heading("Walking skeleton: HTTP accepted → visible in announcements")
                let result = await attempt {
                    try await SkeletonBenchmark(brokers: environment.kafkaBrokers, databases: databases,
                                                rate: options.rate, seconds: options.seconds, pollInterval: poll).run()
                }
                failed = failed || result == nil
                let visible = result.flatMap { $0.invisible == 0 ? $0.visibility.percentile(99) : nil }
                figures += [
                    .latency("skeleton visibility p99 @ \(options.rate)/s", visible, target: .milliseconds(500)),
                    .count("skeleton errors (of \(options.rate * options.seconds))", result?.errors, atMost: 0,
                           unit: "requests"),
                    .rate("skeleton sustained", result?.sustainedPerSecond, target: nil, unit: "accepted/s"),
                    .latency("skeleton HTTP latency p99", result?.httpLatency.percentile(99), target: nil),
                ]
            }
        }
        BenchReport.summary(figures)
        return failed ? 1 : 0
    }

    /// Runs one benchmark; prints its error and returns `nil` if it could not complete.
    private static func attempt<Result>(_ body: () async throws -> Result) async -> Result? {
        do {
            return try await body()
        } catch {
            BenchReport.line("error: \(error)")
            return nil
        }
    }
}
