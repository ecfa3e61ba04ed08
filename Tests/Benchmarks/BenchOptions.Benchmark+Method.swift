extension BenchOptions.Benchmark {
    /// How the benchmark measures, in a few sentences: the `method` of the type that runs it, for the results file.
    var method: String {
        switch self {
        case .producer: ProducerBenchmark.method
        case .projection: ProjectionBenchmark.method
        case .skeleton: SkeletonBenchmark.method
        case .submissions: SubmissionBenchmark.method
        case .uploads: UploadBenchmark.method
        case .queue: QueueBenchmark.method
        case .ranking: RankingBenchmark.method
        case .results: ExamResultsBenchmark.method
        case .transparencyLog: TransparencyLogBenchmark.method
        case .scoreboard: ScoreboardBenchmark.method
        }
    }
}
