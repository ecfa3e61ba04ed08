import Foundation

/// Prints the benchmarks' progress and the final tables.
enum BenchReport {
    /// Writes `text` and a newline to standard output at once (unbuffered, so progress shows through a pipe).
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func heading(_ title: String) {
        write("\n== \(title) ==")
    }

    static func line(_ text: String) {
        write("  \(text)")
    }

    /// The summary: each figure next to its target, PASS or MISS.
    static func summary(_ figures: [BenchFigure]) {
        heading("Summary")
        table([["figure", "measured", "target", "result"]]
              + figures.map { [$0.name, $0.measuredText, $0.targetText, $0.verdict] })
    }

    /// The memory section: each process's peak resident set size per benchmark.
    static func memory(_ peaks: [BenchMemory.Peak], ownPeakResets: Bool?) {
        heading("Memory (peak RSS, VmHWM)")
        if peaks.isEmpty {
            line("nothing recorded (no /proc?)")
            return
        }
        table([["process", "benchmark", "peak RSS"]]
              + peaks.map { [$0.process, $0.benchmark, String(format: "%.1f MiB", $0.mebibytes)] })
        if ownPeakResets == false {
            line("(asn-bench's own peak could not be reset between benchmarks: each row is its peak since it started)")
        }
    }

    /// Left-aligned columns, two spaces apart.
    private static func table(_ rows: [[String]]) {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { column, text in
                column == row.count - 1 ? text : text + String(repeating: " ", count: max(0, widths[column] - text.count))
            }
            line(cells.joined(separator: "  "))
        }
    }
}
