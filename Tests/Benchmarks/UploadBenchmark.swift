import Foundation
import SelectionSimulator
import SuiteHarness

/// Issue 3's upload target: the document upload of an 800 KB PDF has p99 ≤ 150 ms.
///
/// Starts its own registration process (fresh database, private prefix), opens a period with one formation and
/// prepares one draft per upload (sign-up, login, start: not timed). Each request uploads a valid PDF of exactly
/// 819,200 bytes (800 KB, the ijazah limit of DOMAIN §1.3) as the `ijazah` of its own draft, so that uploads never
/// contend for one application's event stream (that would measure optimistic-concurrency retries, not uploads). A
/// few uploads warm up; then an open-loop load uploads at a steady rate, and a closed-loop run with a few concurrent
/// uploaders shows the throughput they sustain.
struct UploadBenchmark {
    /// How it measures, for the results file (BenchResultsFile).
    static let method = """
        Starts its own registration and prepares one draft per upload (not timed); each request PUTs a valid PDF of \
        exactly 819,200 bytes as its own draft's ijazah (magic bytes checked, SHA-256, stored in PostgreSQL). After a \
        warm-up, an open loop uploads at a fixed rate (latency from the scheduled send to the 201), then a closed loop \
        of a few concurrent uploaders sends as many again.
        """

    let brokers: [String]
    let databases: ScratchDatabases
    let rate: Int
    let seconds: Int
    let uploaders: Int
    let prepareConcurrency: Int

    /// 800 KB: the ijazah's maximum size.
    static let fileSize = 800 * 1024
    static let warmUpUploads = 10
    /// Distinct files the uploads rotate through (so consecutive uploads have different SHA-256s).
    static let variants = 8

    struct Result {
        var openLoop: LoadStatistics
        var closedLoop: LoadStatistics
    }

    func run() async throws -> Result {
        try await BenchRegistration.withProcess(databases: databases, brokers: brokers, connections: 64) {
            try await measure(registration: $0.baseURL, client: $1)
        }
    }

    private func measure(registration: String, client: TestHTTPClient) async throws -> Result {
        let journey = RegistrationJourney(baseURL: registration)
        let (_, formations) = try await BenchRegistration.openSelection(
            journey, positions: ["Pranata Komputer Ahli Pertama"])
        let count = rate * seconds
        let drafts = try await DraftPreparation(
            journey: journey, formationId: formations[0], concurrency: prepareConcurrency, withDocuments: false
        ).prepare(serials: 1..<(1 + Self.warmUpUploads + 2 * count), what: "drafts (sign-up, login, start)")
        let warmUpDrafts = Array(drafts.prefix(Self.warmUpUploads))
        let openDrafts = Array(drafts.dropFirst(Self.warmUpUploads).prefix(count))
        let closedDrafts = Array(drafts.dropFirst(Self.warmUpUploads + count))
        let files = (0..<Self.variants).map { SampleDocuments.pdf("Ijazah S-1 benchmark \($0)", size: Self.fileSize) }
        BenchReport.line("file: a valid one-page PDF of \(files[0].count) bytes (800 KB), \(Self.variants) variants")

        let upload: @Sendable (Int, PreparedDraft) async -> RequestResult = { index, draft in
            await RequestResult.expecting(201) {
                try await client.send(
                    "PUT", "\(registration)/v1/applications/\(draft.applicationId)/documents/ijazah",
                    headers: [("Authorization", "Bearer \(draft.token)"), ("Content-Type", "application/pdf")],
                    body: files[index % files.count])
            }
        }
        for (index, draft) in warmUpDrafts.enumerated() {
            let result = await upload(index, draft)
            if let failure = result.failure {
                throw BenchError.unexpectedResponse("a warm-up upload", status: result.status ?? 0, body: failure)
            }
        }
        try await BenchRegistration.waitForOutbox(registration)
        BenchReport.line("warm-up: \(Self.warmUpUploads) uploads, one at a time")

        BenchReport.line("open loop: \(rate) uploads/s for \(seconds) s (\(count) uploads); "
                         + "latency = scheduled send → 201")
        let openRun = await OpenLoopLoad(rate: rate, count: count).run { index in
            await upload(index, openDrafts[index])
        }
        let open = LoadStatistics(openLoop: openRun)
        open.report("uploads")
        if let throughput = open.throughput {
            BenchReport.line(String(format: "= %.1f MB/s of documents", throughput * Double(Self.fileSize) / 1e6))
        }
        try await BenchRegistration.waitForOutbox(registration)

        BenchReport.line("closed loop: \(uploaders) concurrent uploaders, \(count) uploads")
        let closedRun = await ClosedLoopLoad(concurrency: uploaders, count: count).run { index, _ in
            await upload(index, closedDrafts[index])
        }
        let closed = LoadStatistics(closedLoop: closedRun.outcomes, elapsed: closedRun.elapsed)
        closed.report("uploads")
        if let throughput = closed.throughput {
            BenchReport.line(String(format: "= %.1f MB/s of documents", throughput * Double(Self.fileSize) / 1e6))
        }
        return Result(openLoop: open, closedLoop: closed)
    }
}
