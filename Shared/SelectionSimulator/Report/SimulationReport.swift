import Foundation

/// What a run did and measured: stage times, per-stage request latencies, the probes and what the public checks found.
public struct SimulationReport: Sendable {
    public var plan: SelectionPlan
    /// Wall time of each stage that ran, in order.
    public var stageTimes: [(String, Duration)]
    public var latencies: [StageLatencies.Summary]
    public var probes: [ProbeLog.Entry]
    public var notes: [String]
    public var announcements: [PublishedAnnouncement]
    /// Requests sent again because their service answered 503 or refused the connection.
    public var unavailableRetries = 0
    /// Sessions signed in again because their access token expired during the run.
    public var renewedSessions = 0

    /// Whether every deliberate bad request was refused as expected.
    public var passed: Bool { probes.allSatisfy(\.passed) }

    /// The report as text lines for the terminal.
    public var lines: [String] {
        var lines: [String] = []
        let submitted = plan.submitting.count
        lines.append("Plan: \(plan.applicants.count) applicants, \(submitted) submitting, "
            + "\(plan.formations.count) formations (run tag \(pad(plan.runTag, 4)))")
        lines.append("Stages:")
        for (name, duration) in stageTimes {
            lines.append("  " + name.padding(toLength: max(24, name.count), withPad: " ", startingAt: 0)
                + String(format: " %8.1f s", duration.seconds))
        }
        lines.append("Requests per stage (throughput over the stage's wall time; latency percentiles):")
        lines += latencies.map { "  \($0)" }
        if unavailableRetries > 0 {
            lines.append("Requests sent again while a service was unavailable (503 or connection refused): \(unavailableRetries)")
        }
        if renewedSessions > 0 {
            lines.append("Sessions signed in again after their access token expired: \(renewedSessions)")
        }
        lines.append("Deliberate bad requests (\(probes.filter(\.passed).count)/\(probes.count) refused as expected):")
        lines += probes.map { "  \($0)" }
        if !announcements.isEmpty {
            lines.append("Announcements published: \(announcements.count) "
                + "(\(announcements.reduce(0) { $0 + $1.rowCount }) rows in the transparency log)")
        }
        if !notes.isEmpty {
            lines.append("Notes:")
            lines += notes.map { "  \($0)" }
        }
        return lines
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
