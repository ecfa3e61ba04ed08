/// How long accepted registrations took to show in the public count: the k-th acceptance (in time order) is visible
/// once the count has reached k. A count that got there before the acceptance arrived counts as zero.
struct VisibilityLatency {
    let sample: LatencySample
    /// Accepted registrations the count never reached.
    let invisible: Int

    init(accepted: [ContinuousClock.Instant], observations: [CountPoller.Observation]) {
        var latencies: [Duration] = []
        latencies.reserveCapacity(accepted.count)
        var next = observations.startIndex
        for (index, acceptedAt) in accepted.sorted().enumerated() {
            while next < observations.endIndex, observations[next].count < index + 1 { next += 1 }
            guard next < observations.endIndex else { break }
            latencies.append(max(.zero, observations[next].instant - acceptedAt))
        }
        sample = LatencySample(latencies)
        invisible = accepted.count - latencies.count
    }
}
