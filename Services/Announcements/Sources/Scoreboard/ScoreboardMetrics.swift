import Metrics

/// The scoreboard's Prometheus series: connected viewers, events pushed, viewers dropped for lagging.
struct ScoreboardMetrics: Sendable {
    private let connected = Gauge(label: "asn_scoreboard_viewers")
    private let pushedEvents = Counter(label: "asn_scoreboard_events_pushed_total")
    private let droppedViewers = Counter(label: "asn_scoreboard_viewers_dropped_total")

    func viewers(_ count: Int) {
        connected.record(count)
    }

    func pushed(_ events: Int, dropped: Int, viewers: Int) {
        if events > 0 { pushedEvents.increment(by: events) }
        if dropped > 0 {
            droppedViewers.increment(by: dropped)
            connected.record(viewers)
        }
    }
}
