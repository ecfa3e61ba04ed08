/// The measurements of the issues, each turned into the figures of the summary.
struct BenchSuite {
    let options: BenchOptions
    let brokers: [String]
    let kafka: BenchKafka
    let databases: ScratchDatabases

    private var poll: Duration { .milliseconds(options.pollMilliseconds) }

    /// What `benchmark` measures against which target, at the sizes of ``options``: its heading.
    func title(_ benchmark: BenchOptions.Benchmark) -> String {
        switch benchmark {
        case .producer: "Producer: events/s with acks=all"
        case .projection: "Projection: events/s into PostgreSQL"
        case .skeleton: "Walking skeleton: submission accepted over HTTP → visible in announcements"
        case .submissions: "Submissions: POST /v1/applications/{id}/submission, target ≥ 500/s with p99 ≤ 100 ms"
        case .uploads: "Uploads: PUT an 800 KB PDF as ijazah, target p99 ≤ 150 ms"
        case .queue:
            "Verification queue: \(grouped(Double(options.queueCases))) cases projected ≤ 30 s, listing p99 ≤ 50 ms"
        case .ranking:
            "Ranking: one formation of \(grouped(Double(options.rankingCandidates))) candidates ≤ 1 s "
                + "(median of 5, release build)"
        case .results:
            "Exam results: POST …/skd-result → event on recruitment.exam, p99 ≤ 200 ms "
                + "(\(options.resultCandidates) at \(options.resultRate)/s)"
        case .transparencyLog:
            "Transparency log: \(grouped(Double(options.logLeaves))) leaves appended ≥ 5,000/s; "
                + "inclusion and consistency proofs p99 ≤ 5 ms"
        case .scoreboard:
            "Scoreboard: SSE fan-out to \(grouped(Double(options.scoreboardViewers))) viewers, each new score visible "
                + "to all ≤ 1 s"
        }
    }

    /// Runs `benchmark` under its heading and returns its figures (unmeasured ones if it failed) and whether it
    /// completed.
    func run(_ benchmark: BenchOptions.Benchmark) async -> (figures: [BenchFigure], completed: Bool) {
        BenchReport.heading(title(benchmark))
        switch benchmark {
        case .producer:
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
            let result = await attempt {
                try await ProjectionBenchmark(kafka: kafka, databases: databases, events: options.projectionEvents,
                                              formations: options.formations, pollInterval: poll).run()
            }
            return ([
                .rate("projection throughput", result?.eventsPerSecond, target: 5_000, unit: "events/s"),
                .latency("projection group join", result?.groupJoin, target: nil),
            ], result != nil)
        case .skeleton:
            let result = await attempt {
                try await SkeletonBenchmark(brokers: brokers, databases: databases, rate: options.rate,
                                            seconds: options.seconds, pollInterval: poll,
                                            prepareConcurrency: options.prepareConcurrency).run()
            }
            // Submissions that never became visible make the percentile meaningless: no figure then.
            let visible = result.flatMap { $0.invisible == 0 ? $0.visibility.percentile(99) : nil }
            return ([
                .latency("skeleton visibility p99 @ \(options.rate)/s", visible, target: .milliseconds(500)),
                .count("skeleton errors (of \(options.rate * options.seconds))", result?.errors, atMost: 0,
                       unit: "requests"),
                .rate("skeleton sustained", result?.sustainedPerSecond, target: nil, unit: "accepted/s"),
                .latency("skeleton HTTP latency p99", result?.httpLatency.percentile(99), target: nil),
            ], result != nil)
        case .submissions:
            let rate = options.submissionRate
            let result = await attempt {
                try await SubmissionBenchmark(
                    brokers: brokers, databases: databases, drafts: options.submissionDrafts, rate: rate,
                    seconds: options.submissionSeconds, concurrency: options.concurrency,
                    prepareConcurrency: options.prepareConcurrency
                ).run()
            }
            let open = result?.openLoop
            let closed = result?.closedLoop
            return ([
                // At exactly the offered rate the completions can only match it, less the generator's own jitter: the
                // open loop shows the service kept up when it sustained (nearly) all of it with every request accepted.
                .rate("submissions sustained @ \(rate)/s offered", open?.throughput, target: nil, unit: "submissions/s"),
                .rate("  sustained ÷ offered (500/s needs ≥ 500 offered)", open?.throughput.map { 100 * $0 / Double(rate) },
                      target: rate >= 500 ? 99 : 100_000, unit: "%"),
                .latency("submission latency p50 @ \(rate)/s", open?.latency.percentile(50), target: nil),
                .latency("submission latency p95 @ \(rate)/s", open?.latency.percentile(95), target: nil),
                .latency("submission latency p99 @ \(rate)/s", open?.latency.percentile(99), target: .milliseconds(100)),
                .latency("submission latency max @ \(rate)/s", open?.latency.maximum, target: nil),
                .count("submission errors (of \(rate * options.submissionSeconds))", open?.errors, atMost: 0,
                       unit: "requests"),
                .rate("submissions max, closed loop ×\(options.concurrency)", closed?.throughput, target: 500,
                      unit: "submissions/s"),
                .latency("submission latency p99, closed loop ×\(options.concurrency)", closed?.latency.percentile(99),
                         target: nil),
                .count("submission errors, closed loop", closed?.errors, atMost: 0, unit: "requests"),
                // Where the time goes: two cores give 4 ms of CPU per submission at 500/s, for every process.
                .milliseconds("  CPU per submission, whole machine", result?.closedLoopCPU?.machine),
                .milliseconds("    registration", result?.closedLoopCPU?.milliseconds(of: "registration")),
                .milliseconds("    PostgreSQL", result?.closedLoopCPU?.milliseconds(of: "PostgreSQL")),
                .milliseconds("    load generator", result?.closedLoopCPU?.milliseconds(of: "load generator")),
            ], result != nil)
        case .uploads:
            let rate = options.uploadRate
            let result = await attempt {
                try await UploadBenchmark(
                    brokers: brokers, databases: databases, rate: rate, seconds: options.uploadSeconds,
                    uploaders: options.uploaders, prepareConcurrency: options.prepareConcurrency
                ).run()
            }
            let open = result?.openLoop
            let closed = result?.closedLoop
            return ([
                .latency("upload 800 KB latency p50 @ \(rate)/s", open?.latency.percentile(50), target: nil),
                .latency("upload 800 KB latency p95 @ \(rate)/s", open?.latency.percentile(95), target: nil),
                .latency("upload 800 KB latency p99 @ \(rate)/s", open?.latency.percentile(99),
                         target: .milliseconds(150)),
                .latency("upload 800 KB latency max @ \(rate)/s", open?.latency.maximum, target: nil),
                .rate("uploads sustained @ \(rate)/s offered", open?.throughput, target: nil, unit: "uploads/s"),
                .count("upload errors (of \(rate * options.uploadSeconds))", open?.errors, atMost: 0, unit: "requests"),
                .rate("uploads max, closed loop ×\(options.uploaders)", closed?.throughput, target: nil,
                      unit: "uploads/s"),
                .latency("upload latency p99, closed loop ×\(options.uploaders)", closed?.latency.percentile(99),
                         target: nil),
                .count("upload errors, closed loop", closed?.errors, atMost: 0, unit: "requests"),
            ], result != nil)
        case .queue:
            let result = await attempt {
                try await QueueBenchmark(
                    kafka: kafka, databases: databases, brokers: brokers, cases: options.queueCases,
                    formations: options.formations, listings: options.queueListings
                ).run()
            }
            return ([
                .latency("queue of \(grouped(Double(options.queueCases))) projected (ready → all applied)",
                         result?.projection, target: .seconds(30)),
                .rate("queue projection throughput", result?.casesPerSecond, target: nil, unit: "cases/s"),
                .latency("queue listing p50 (50 per page)", result?.listing.percentile(50), target: nil),
                .latency("queue listing p99 (50 per page)", result?.listing.percentile(99), target: .milliseconds(50)),
                .latency("queue listing max", result?.listing.maximum, target: nil),
            ], result != nil)
        case .ranking:
            let size = grouped(Double(options.rankingCandidates))
            let result = await attempt { try RankingBenchmark(candidates: options.rankingCandidates).run() }
            return ([
                .latency("SKD ranking of \(size) (threshold, 3× cut-off, tie-breaks)", result?.skd.median,
                         target: .seconds(1)),
                .latency("final ranking of \(size) (40/60, tie-breaks, codes)", result?.final.median,
                         target: .seconds(1)),
            ], result != nil)
        case .results:
            let result = await attempt {
                try await ExamResultsBenchmark(
                    kafka: kafka, databases: databases, brokers: brokers, candidates: options.resultCandidates,
                    rate: options.resultRate
                ).run()
            }
            return ([
                .latency("result → event on the topic p50", result?.latency.percentile(50), target: nil),
                .latency("result → event on the topic p99", result?.latency.percentile(99), target: .milliseconds(200)),
                .latency("result HTTP latency p99", result?.http.percentile(99), target: nil),
                .count("results lost or refused", result?.errors, atMost: 0, unit: "results"),
            ], result != nil)
        case .transparencyLog:
            let result = await attempt {
                try await TransparencyLogBenchmark(
                    databases: databases, leaves: options.logLeaves, batch: options.logBatch, proofs: options.logProofs,
                    logger: databases.logger
                ).run()
            }
            return ([
                .rate("log append (\(grouped(Double(options.logLeaves))) leaves)", result?.leavesPerSecond,
                      target: 5_000, unit: "leaves/s"),
                .latency("inclusion proof p50", result?.inclusion.percentile(50), target: nil),
                .latency("inclusion proof p99", result?.inclusion.percentile(99), target: .milliseconds(5)),
                .latency("consistency proof p50", result?.consistency.percentile(50), target: nil),
                .latency("consistency proof p99", result?.consistency.percentile(99), target: .milliseconds(5)),
            ], result != nil)
        case .scoreboard:
            let viewers = grouped(Double(options.scoreboardViewers))
            let result = await attempt {
                try await ScoreboardBenchmark(kafka: kafka, databases: databases, viewers: options.scoreboardViewers,
                                              scores: options.scoreboardScores).run()
            }
            return ([
                .latency("score → first of \(viewers) viewers p50", result?.firstViewer.percentile(50), target: nil),
                .latency("score → all \(viewers) viewers p50", result?.allViewers.percentile(50), target: nil),
                .latency("score → all \(viewers) viewers p99", result?.allViewers.percentile(99), target: nil),
                .latency("score → all \(viewers) viewers max", result?.allViewers.maximum, target: .seconds(1)),
                .count("scoreboard deliveries missing", result?.missing, atMost: 0, unit: "deliveries"),
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
