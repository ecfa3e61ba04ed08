import Foundation

/// Prints the benchmarks' progress and the final table.
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
        let rows = [("figure", "measured", "target", "result")]
            + figures.map { ($0.name, $0.measuredText, $0.targetText, $0.verdict) }
        let nameWidth = rows.map(\.0.count).max() ?? 0
        let measuredWidth = rows.map(\.1.count).max() ?? 0
        let targetWidth = rows.map(\.2.count).max() ?? 0
        func pad(_ text: String, _ width: Int) -> String {
            text + String(repeating: " ", count: max(0, width - text.count))
        }
        for row in rows {
            line(pad(row.0, nameWidth) + "  " + pad(row.1, measuredWidth) + "  " + pad(row.2, targetWidth) + "  " + row.3)
        }
    }
}
