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

        let started = Date()
        let machine = BenchMachine.current()
        BenchReport.write("asn-bench: \(options.benchmarks.map(\.rawValue).joined(separator: ", "))")
        BenchReport.line("machine: \(machine.summary); \(machine.swiftVersion ?? "Swift version unknown"); "
                         + "\(BenchResultsFile.buildConfiguration) build")
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
        var runs: [BenchResultsFile.Run] = []
        var failed = false
        for benchmark in options.benchmarks {
            // Peaks are noted under the benchmark's name; asn-bench's own starts afresh for each.
            BenchMemory.resetOwnPeak()
            let start = ContinuousClock.now
            let (measured, completed) = await BenchMemory.$benchmark.withValue(benchmark.rawValue) {
                let outcome = await suite.run(benchmark)
                BenchMemory.noteOwnPeak()
                return outcome
            }
            runs.append(BenchResultsFile.Run(benchmark: benchmark, title: suite.title(benchmark), completed: completed,
                                             elapsed: ContinuousClock.now - start))
            figures += measured
            failed = failed || !completed
        }
        BenchReport.summary(figures)
        BenchReport.memory(BenchMemory.recorded, ownPeakResets: BenchMemory.ownPeakResets)

        let results = BenchResultsFile(
            started: started, finished: Date(), arguments: arguments, machine: machine,
            librdkafkaVersion: KafkaLibrary.version, brokers: environment.kafkaBrokers,
            servicesDirectory: ServiceProcess.binaryDirectory.path, runs: runs, figures: figures,
            memory: BenchMemory.recorded, ownPeakResets: BenchMemory.ownPeakResets)
        let url = options.reportPath.map { URL(fileURLWithPath: $0) } ?? BenchResultsFile.defaultURL
        do {
            try results.write(to: url)
            BenchReport.write("\nResults written to \(url.path)")
        } catch {
            FileHandle.standardError.write(Data("asn-bench: could not write the results to \(url.path): \(error)\n".utf8))
            return 1
        }
        return failed ? 1 : 0
    }
}
