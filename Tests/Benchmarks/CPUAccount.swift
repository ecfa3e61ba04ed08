import Foundation

/// Where the CPU time of a measured load went, read from `/proc` before and after it: the whole machine and named
/// groups of processes (the service, PostgreSQL, the load generator itself).
///
/// Throughput on a shared two-core machine varies by a fifth between runs of the same code; the CPU time each request
/// costs varies far less, and says which process to make cheaper. At 500 requests/s two cores leave 4 ms per request
/// for everything.
struct CPUAccount: Sendable {
    /// A group of processes whose CPU time is added up.
    struct Group: Sendable {
        var name: String
        /// The processes of the group, found again at each reading (PostgreSQL starts and ends backends).
        var processes: @Sendable () -> [Int32]
    }

    /// CPU time counters at one instant, in clock ticks.
    struct Reading: Sendable {
        /// All CPUs: time spent running anything (user, nice, system, interrupts).
        var machineBusy: Int64
        /// All CPUs: time the hypervisor gave to other guests while this one wanted to run.
        var machineSteal: Int64
        var groups: [String: Int64]
    }

    /// The CPU time of one load, per request, in milliseconds.
    struct Cost: Sendable {
        var requests: Int
        var machine: Double
        var steal: Double
        /// Per group, in the order the account was given them.
        var groups: [(name: String, milliseconds: Double)]

        /// Machine time no named group accounts for (the broker, the kernel's own threads, other processes).
        var other: Double { machine - groups.reduce(0) { $0 + $1.milliseconds } }

        /// One line for the report, e.g. `3.9 ms machine = registration 2.1 + PostgreSQL 1.3 + … (steal 0.0 ms)`.
        var summary: String {
            let parts = groups.map { "\($0.name) \(Self.format($0.milliseconds))" } + ["other \(Self.format(other))"]
            return "\(Self.format(machine)) ms machine = " + parts.joined(separator: " + ")
                + " (steal \(Self.format(steal)) ms)"
        }

        static func format(_ milliseconds: Double) -> String { String(format: "%.2f", milliseconds) }

        func milliseconds(of group: String) -> Double? { groups.first { $0.name == group }?.milliseconds }
    }

    let groups: [Group]

    /// Clock ticks per second of the `/proc` counters.
    static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// The counters now; `nil` where `/proc` cannot be read.
    func read() -> Reading? {
        guard let machine = Self.machineTicks() else { return nil }
        var totals: [String: Int64] = [:]
        for group in groups {
            totals[group.name] = group.processes().reduce(0) { $0 + (Self.processTicks($1) ?? 0) }
        }
        return Reading(machineBusy: machine.busy, machineSteal: machine.steal, groups: totals)
    }

    /// The cost of `requests` requests served between `before` and `after`.
    func cost(from before: Reading, to after: Reading, requests: Int) -> Cost? {
        guard requests > 0 else { return nil }
        let perRequest = 1000 / Self.ticksPerSecond / Double(requests)
        return Cost(
            requests: requests,
            machine: Double(after.machineBusy - before.machineBusy) * perRequest,
            steal: Double(after.machineSteal - before.machineSteal) * perRequest,
            groups: groups.map { group in
                (group.name, Double((after.groups[group.name] ?? 0) - (before.groups[group.name] ?? 0)) * perRequest)
            })
    }

    // MARK: /proc

    /// The `cpu` line of `/proc/stat`: user nice system idle iowait irq softirq steal …
    static func machineTicks() -> (busy: Int64, steal: Int64)? {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = stat.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") })
        else { return nil }
        let fields = line.split(separator: " ").dropFirst().compactMap { Int64($0) }
        guard fields.count >= 8 else { return nil }
        return (fields[0] + fields[1] + fields[2] + fields[5] + fields[6], fields[7])
    }

    /// The fields of `/proc/<pid>/stat` after the command name (which may contain spaces), from field 3 (`state`) on.
    static func statFields(_ pid: Int32) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")")
        else { return nil }
        return stat[stat.index(after: end)...].split(separator: " ")
    }

    /// User and system time of the process and of its children it has waited for (utime, stime, cutime, cstime).
    static func processTicks(_ pid: Int32) -> Int64? {
        guard let fields = statFields(pid), fields.count > 14 else { return nil }
        return fields[11...14].compactMap { Int64($0) }.reduce(0, +)
    }

    /// The parent of process `pid`.
    static func parent(of pid: Int32) -> Int32? {
        guard let fields = statFields(pid), fields.count > 1 else { return nil }
        return Int32(fields[1])
    }

    /// Process `root` and its direct children (the PostgreSQL server and its backends).
    static func processAndChildren(_ root: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return [root] + entries.compactMap(Int32.init).filter { $0 != root && parent(of: $0) == root }
    }
}
