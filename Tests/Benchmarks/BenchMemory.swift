import Foundation
import SuiteHarness
import Synchronization

/// Peak resident set sizes (`VmHWM`) noted during a run: each service a benchmark started, just before it stopped, and
/// asn-bench's own per benchmark.
///
/// A service's peak covers its whole life (start, preparation, the measured load). asn-bench's own peak is reset
/// before each benchmark (`5` written to `/proc/self/clear_refs`: the peak becomes the current resident size), so
/// that each row is the most it held during that benchmark, which includes what the allocator kept of earlier
/// benchmarks' freed memory; where the kernel refuses, each row is the peak since asn-bench started
/// (``ownPeakResets`` says which).
enum BenchMemory {
    /// One process's peak during one benchmark.
    struct Peak: Sendable {
        /// `registration`, `announcements`, … or `asn-bench`.
        var process: String
        /// The benchmark's name as `--only` spells it.
        var benchmark: String
        var bytes: Int

        var mebibytes: Double { Double(bytes) / 1_048_576 }
    }

    /// The benchmark running in this task (set by ``BenchMain`` around each one), under which peaks are noted.
    @TaskLocal static var benchmark = "-"

    /// The name asn-bench's own rows carry.
    static let ownName = "asn-bench"

    private static let peaks = Mutex<[Peak]>([])
    private static let resets = Mutex<Bool?>(nil)

    /// Everything noted so far, in order.
    static var recorded: [Peak] { peaks.withLock { $0 } }

    /// Whether resetting asn-bench's own peak worked (`nil` before the first attempt).
    static var ownPeakResets: Bool? { resets.withLock { $0 } }

    /// Notes `bytes` (nothing when `nil`: the process was not running) for `process` under the running benchmark.
    static func note(_ process: String, bytes: Int?) {
        guard let bytes else { return }
        let peak = Peak(process: process, benchmark: benchmark, bytes: bytes)
        peaks.withLock { $0.append(peak) }
    }

    /// Resets asn-bench's own peak to its current resident set size (before a benchmark).
    static func resetOwnPeak() {
        var worked = false
        if let file = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
            worked = (try? file.write(contentsOf: Data("5".utf8))) != nil
            try? file.close()
        }
        resets.withLock { $0 = ($0 ?? true) && worked }
    }

    /// Notes asn-bench's own peak under the running benchmark (after it).
    static func noteOwnPeak() {
        note(ownName, bytes: ServiceProcess.peakResidentBytes(processIdentifier: getpid()))
    }
}
