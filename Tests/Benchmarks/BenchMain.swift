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
        let suite = BenchSuite(
            options: options, brokers: environment.kafkaBrokers,
            kafka: BenchKafka(brokers: environment.kafkaBrokers, logger: logger),
            databases: ScratchDatabases(adminURL: environment.postgresAdminURL, logger: logger))
        var figures: [BenchFigure] = []
        var failed = false
        for benchmark in options.benchmarks {
            let (measured, completed) = await suite.run(benchmark)
            figures += measured
            failed = failed || !completed
        }
        BenchReport.summary(figures)
        return failed ? 1 : 0
    }
}
