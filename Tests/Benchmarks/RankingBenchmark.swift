import ExamScoringRules
import Foundation
import RecruitmentEvents

/// Ranks one formation of many candidates with the exam rules (DOMAIN §3.1 SKD ranking with the 3 × quota cut-off;
/// §3.2-3.3 final integration and tie-breaks), as the exam service does when an officer finalises a ranking. Scores
/// are drawn from a seeded generator so runs are comparable; each ranking runs several times and the median counts.
struct RankingBenchmark {
    /// How it measures, for the results file (BenchResultsFile).
    static let method = """
        Ranks a seeded cohort of one formation in process with the pure exam rules, as exam-scoring does when an \
        officer finalises: the SKD ranking (passing grade, 3 × quota cut-off, tie-breaks) and the final ranking (40/60 \
        integration in exact decimals, tie-breaks, codes). Each runs 5 times; the median counts. No I/O.
        """

    struct Result {
        var skd: [Duration]
        var final: [Duration]
    }

    let candidates: Int
    let runs = 5

    func run() throws -> Result {
        var generator = SplitMix(seed: 2024)
        let skdCandidates = (0..<candidates).map { index in
            SkdRankingCandidate(
                applicationId: Self.uuid(index, generator: &generator), applicantId: Self.uuid(index, generator: &generator),
                participantNumber: String(format: "24%08d", index),
                outcome: index % 50 == 0 ? .absent : .scored(Self.scores(&generator)))
        }
        let quota = max(1, candidates / 30)
        let grade = try PassingGradeTable.defaults.grade(for: .umum, fiscalYear: 2024).grade
        var skd: [Duration] = []
        var ranked: [SkdRankingRow] = []
        for _ in 0..<runs {
            let clock = ContinuousClock()
            let start = clock.now
            ranked = SkdRanking.rank(skdCandidates, quota: quota, passingGrade: grade)
            skd.append(clock.now - start)
        }
        BenchReport.line("SKD: \(ranked.count) rows, \(ranked.filter { $0.code == .passedToSkb }.count) P/L")

        let policy = IntegrationPolicy()
        let finalCandidates = skdCandidates.compactMap { candidate -> FinalCandidate? in
            guard case .scored(let scores) = candidate.outcome else { return nil }
            return FinalCandidate(
                applicationId: candidate.applicationId, applicantId: candidate.applicantId,
                participantNumber: candidate.participantNumber, skdScores: scores,
                skb: .scored(ExactDecimal(Int64(generator.next(upTo: 10_001)), scale: 2)),
                academicGrade: AcademicGrade(kind: .ipk, value: ExactDecimal(Int64(250 + generator.next(upTo: 151)),
                                                                              scale: 2),
                                             scaleMaximum: ExactDecimal(400, scale: 2)))
        }
        var final: [Duration] = []
        var rows: [FinalResultRow] = []
        for _ in 0..<runs {
            let clock = ContinuousClock()
            let start = clock.now
            let ties = FinalRanking.tiesNeedingAge(finalCandidates, policy: policy)
            // Registration would order the tied groups by age; here each group is ordered by its position.
            var ages: [UUID: Int] = [:]
            for group in ties { for (offset, id) in group.enumerated() { ages[id] = offset } }
            rows = try FinalRanking.rank(finalCandidates, quota: quota, policy: policy, ageOrder: ages)
            final.append(clock.now - start)
        }
        BenchReport.line("final: \(rows.count) rows, \(rows.filter { $0.code == .passed }.count) P/L")
        return Result(skd: skd, final: final)
    }

    /// Valid sub-scores (DOMAIN §2), roughly like a real cohort: most above 250, some below the passing grade.
    static func scores(_ generator: inout SplitMix) -> SkdScores {
        let twk = 5 * (8 + generator.next(upTo: 23))
        let tiu = 5 * (8 + generator.next(upTo: 28))
        let tkp = 120 + generator.next(upTo: 106)
        return SkdScores(twk: twk, tiu: tiu, tkp: tkp, total: twk + tiu + tkp)
    }

    static func uuid(_ index: Int, generator: inout SplitMix) -> UUID {
        let high = generator.nextWord()
        let low = UInt64(index)
        var bytes = [UInt8](repeating: 0, count: 16)
        for offset in 0..<8 {
            bytes[offset] = UInt8(truncatingIfNeeded: high >> (8 * offset))
            bytes[8 + offset] = UInt8(truncatingIfNeeded: low >> (8 * offset))
        }
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

/// SplitMix64: a small seeded generator, so that every run ranks the same cohort.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func nextWord() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(upTo bound: Int) -> Int { Int(nextWord() % UInt64(bound)) }
}

extension [Duration] {
    /// The middle value (the upper one of an even count).
    var median: Duration? { isEmpty ? nil : sorted()[count / 2] }
}
