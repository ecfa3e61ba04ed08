import Foundation

/// The machine the benchmarks ran on, as the results file describes it: read from `/proc` and `/etc/os-release`, and
/// the Swift toolchain from `swift --version`. What cannot be read stays `nil`.
struct BenchMachine: Sendable {
    /// Processors available to the benchmarks (load generator, services, PostgreSQL and broker all share them).
    var cores: Int
    /// `model name` of `/proc/cpuinfo`.
    var processor: String?
    /// `MemTotal` of `/proc/meminfo`.
    var memoryBytes: Int?
    /// `/proc/sys/kernel/osrelease`.
    var kernel: String?
    /// `PRETTY_NAME` of `/etc/os-release`.
    var system: String?
    /// The first line of `swift --version`.
    var swiftVersion: String?

    /// This machine.
    static func current() -> BenchMachine {
        BenchMachine(
            cores: ProcessInfo.processInfo.activeProcessorCount,
            processor: field("model name", in: "/proc/cpuinfo", separator: ":"),
            memoryBytes: field("MemTotal", in: "/proc/meminfo", separator: ":")
                .flatMap { Int($0.split(separator: " ").first ?? "") }.map { $0 * 1024 },
            kernel: read("/proc/sys/kernel/osrelease")?.trimmingCharacters(in: .whitespacesAndNewlines),
            system: field("PRETTY_NAME", in: "/etc/os-release", separator: "=")
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) },
            swiftVersion: swiftVersion())
    }

    /// `2 cores (AMD EPYC …), 23.5 GiB, Debian GNU/Linux 12, kernel 6.1.0`.
    var summary: String {
        var parts = ["\(cores) cores" + (processor.map { " (\($0))" } ?? "")]
        if let memoryBytes { parts.append(String(format: "%.1f GiB", Double(memoryBytes) / 1_073_741_824)) }
        if let system { parts.append(system) }
        if let kernel { parts.append("kernel \(kernel)") }
        return parts.joined(separator: ", ")
    }

    private static func read(_ path: String) -> String? {
        try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// The value of the first `name<separator>value` line of the file at `path`, trimmed.
    private static func field(_ name: String, in path: String, separator: Character) -> String? {
        guard let text = read(path) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: separator, maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The first line of `swift --version` (the toolchain on `PATH`, which `make bench` built asn-bench with).
    private static func swiftVersion() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "--version"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init)
    }
}
