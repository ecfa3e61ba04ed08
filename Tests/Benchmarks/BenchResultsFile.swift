import Foundation

/// The results of one `asn-bench` run in Markdown, in the manner of a `docs/PERFORMANCE.md`: when and where it ran,
/// how each benchmark measures (each type's `method`, so the text follows the code), the summary and the memory
/// peaks.
struct BenchResultsFile {
    /// One benchmark as it ran.
    struct Run {
        var benchmark: BenchOptions.Benchmark
        /// Its heading, at the sizes of this run.
        var title: String
        var completed: Bool
        var elapsed: Duration
    }

    var started: Date
    var finished: Date
    /// The command line, without the program name.
    var arguments: [String]
    var machine: BenchMachine
    var librdkafkaVersion: String
    var brokers: [String]
    /// Where the services the benchmarks start come from.
    var servicesDirectory: String
    var runs: [Run]
    var figures: [BenchFigure]
    var memory: [BenchMemory.Peak]
    var ownPeakResets: Bool?

    /// `.stack/bench/PERFORMANCE.md` in the repository asn-bench was built in (beside the bench stack's state), or in
    /// the current directory if asn-bench does not run from a `.build` directory.
    static var defaultURL: URL {
        var url = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        var root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            if url.lastPathComponent == ".build" {
                root = url.deletingLastPathComponent()
                break
            }
        }
        return root.appendingPathComponent(".stack/bench/PERFORMANCE.md")
    }

    /// The build configuration asn-bench was compiled in (`make bench`: release, as are the services it starts).
    static var buildConfiguration: String {
        #if DEBUG
        "debug"
        #else
        "release"
        #endif
    }

    /// Writes the file, creating its directory.
    func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(markdown.utf8).write(to: url, options: .atomic)
    }

    var markdown: String {
        var lines: [String] = []
        lines.append("# Performance")
        lines.append("")
        lines.append("Written by `asn-bench` (`make bench`, deploy/local/bench.sh). It measures; it never fails on a miss.")
        lines.append("")
        lines.append("## Run")
        lines.append("")
        lines.append("- date: \(Self.timestamp(started)) to \(Self.timestamp(finished)) "
                     + "(\((Duration.seconds(finished.timeIntervalSince(started))).formattedMinutes))")
        lines.append("- machine: \(machine.summary)")
        lines.append("- toolchain: \(machine.swiftVersion ?? "unknown"); asn-bench built in "
                     + "\(Self.buildConfiguration) configuration; services from `\(servicesDirectory)`")
        lines.append("- librdkafka \(librdkafkaVersion); broker \(brokers.joined(separator: ",")); PostgreSQL and the "
                     + "broker run on the same cores as the services and the load generator")
        lines.append("- command line: "
                     + (arguments.isEmpty ? "defaults" : "`asn-bench \(arguments.joined(separator: " "))`"))
        lines.append("")
        lines.append("## Method")
        lines.append("")
        for run in runs {
            lines.append("### \(run.title)")
            lines.append("")
            lines.append(run.benchmark.method + " (`--only \(run.benchmark.rawValue)`; ran \(run.elapsed.formattedMinutes)"
                         + (run.completed ? ")" : "; **did not complete**: see the output)"))
            lines.append("")
        }
        lines.append("## Summary")
        lines.append("")
        lines.append("| figure | measured | target | result |")
        lines.append("|---|---|---|---|")
        for figure in figures {
            lines.append(Self.row([figure.name, figure.measuredText, figure.targetText, figure.verdict]))
        }
        lines.append("")
        lines.append("## Memory (peak RSS)")
        lines.append("")
        lines.append("The peak resident set size (`VmHWM` of `/proc/<pid>/status`) of each service a benchmark started, "
                     + "read just before it was stopped (its whole life: start, preparation, the measured load), and "
                     + "of asn-bench itself during each benchmark (its peak reset before each; the rows still include "
                     + "what the allocator kept of earlier benchmarks' freed memory)"
                     + (ownPeakResets == false ? " (cumulative: the kernel did not let it reset its peak)." : "."))
        lines.append("")
        lines.append("| process | benchmark | peak RSS |")
        lines.append("|---|---|---|")
        for peak in memory {
            lines.append(Self.row([peak.process, peak.benchmark, String(format: "%.1f MiB", peak.mebibytes)]))
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// `2026-11-29 19:31 UTC`.
    private static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    /// A Markdown table row; `|` in a cell is escaped.
    private static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }
}
