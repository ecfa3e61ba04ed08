/// The three measurements of the issue, each turned into the figures of the summary.
struct BenchSuite {
    let options: BenchOptions
    let brokers: [String]
    let kafka: BenchKafka
    let databases: ScratchDatabases

    private var poll: Duration { .milliseconds(options.pollMilliseconds) }

    /// Runs `benchmark` and returns its figures (unmeasured ones if it failed) and whether it completed.
    func run(_ benchmark: BenchOptions.Benchmark) async -> (figures: [BenchFigure], completed: Bool) {
        switch benchmark {
        case .producer:
            BenchReport.heading("Producer: events/s with acks=all")
            let result = await attempt {
                try await ProducerBenchmark(kafka: kafka, events: options.producerEvents, batchSize: options.producerBatch)
                    .run()
            }
            return ([
                .rate("producer throughput (acks=all)", result?.eventsPerSecond, target: 20_000, unit: "events/s"),
                .latency("producer batch latency p50", result?.batchLatencies.percentile(50), target: nil),
                .latency("producer batch latency p99", result?.batchLatencies.percentile(99), target: nil),
            ], result != nil)
        case .projection:
            BenchReport.heading("Projection: events/s into PostgreSQL")
            let result = await attempt {
                try await ProjectionBenchmark(kafka: kafka, databases: databases, events: options.projectionEvents,
                                              formations: options.formations, pollInterval: poll).run()
            }
            return ([
                .rate("projection throughput", result?.eventsPerSecond, target: 5_000, unit: "events/s"),
                .latency("projection group join", result?.groupJoin, target: nil),
            ], result != nil)
        case .skeleton:
            BenchReport.heading("Walking skeleton: HTTP accepted → visible in announcements")
            let result = await attempt {
                try await SkeletonBenchmark(brokers: brokers, databases: databases, rate: options.rate,
                                            seconds: options.seconds, pollInterval: poll).run()
            }
            // Registrations that never became visible make the percentile meaningless: no figure then.
            let visible = result.flatMap { $0.invisible == 0 ? $0.visibility.percentile(99) : nil }
            return ([
                .latency("skeleton visibility p99 @ \(options.rate)/s", visible, target: .milliseconds(500)),
                .count("skeleton errors (of \(options.rate * options.seconds))", result?.errors, atMost: 0,
                       unit: "requests"),
                .rate("skeleton sustained", result?.sustainedPerSecond, target: nil, unit: "accepted/s"),
                .latency("skeleton HTTP latency p99", result?.httpLatency.percentile(99), target: nil),
            ], result != nil)
        }
    }

    /// Runs one benchmark; prints its error and returns `nil` if it could not complete.
    private func attempt<Result>(_ body: () async throws -> Result) async -> Result? {
        do {
            return try await body()
        } catch {
            BenchReport.line("error: \(error)")
            return nil
        }
    }
}
