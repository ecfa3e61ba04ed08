import Foundation
import NIOCore
import RecruitmentEvents
import Testing
@testable import Announcements

/// The in-memory fan-out: filters, bounded buffers (a stalled viewer is dropped, the others keep everything), the
/// viewer limit and closing.
@Suite struct ScoreboardHubTests {
    static func row(_ sequence: Int64, session: UUID? = nil, site: String? = nil) -> ScoreboardResult {
        ScoreboardResult(
            sequence: sequence, participantNumber: "24537101\(String(format: "%05d", sequence))", formationId: UUID(),
            formationKind: .umum, sessionId: session, siteCode: site, siteName: nil, twk: 90, tiu: 100, tkp: 170,
            total: 360, meetsPassingGrade: true, status: .scored, reasonCode: nil, recordedAt: Date())
    }

    /// The sequences delivered so far, without waiting for more.
    static func drain(_ subscription: ScoreboardHub.Subscription, expecting count: Int) async -> [Int64] {
        var sequences: [Int64] = []
        var iterator = subscription.deliveries.makeAsyncIterator()
        while sequences.count < count, let delivery = await iterator.next() {
            if case .result(let sequence, _) = delivery { sequences.append(sequence) }
        }
        return sequences
    }

    @Test func deliversOnlyMatchingRowsToEachViewer() async throws {
        let hub = ScoreboardHub(bufferSize: 16)
        let (a, b) = (UUID(), UUID())
        let everything = try #require(hub.subscribe(ScoreboardFilter()))
        let sessionA = try #require(hub.subscribe(ScoreboardFilter(sessionId: a)))
        let siteB = try #require(hub.subscribe(ScoreboardFilter(siteCode: "KPG-02")))
        hub.publish([Self.row(1, session: a, site: "KPG-01"), Self.row(2, session: b, site: "KPG-02"),
                     Self.row(3, session: a, site: "KPG-01")])
        #expect(await Self.drain(everything, expecting: 3) == [1, 2, 3])
        #expect(await Self.drain(sessionA, expecting: 2) == [1, 3])
        #expect(await Self.drain(siteB, expecting: 1) == [2])
    }

    @Test func aFrameIsOneCompleteServerSentEvent() throws {
        var frame = ScoreboardEventFrame.result(Self.row(42))
        let text = frame.readString(length: frame.readableBytes) ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5 && lines[0] == "id: 42" && lines[1] == "event: result" && lines[3].isEmpty
                && lines[4].isEmpty)
        let data = try #require(lines[2].split(separator: " ", maxSplits: 1).last)
        let decoded = try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any]
        #expect(decoded?["sequence"] as? Int == 42 && decoded?["total"] as? Int == 360)
        #expect(decoded?["applicantId"] == nil && decoded?["applicationId"] == nil)
    }

    @Test func aViewerThatFallsBehindIsDroppedWithoutHoldingUpTheOthers() async throws {
        let hub = ScoreboardHub(bufferSize: 4)
        let stalled = try #require(hub.subscribe(ScoreboardFilter()))
        let reader = try #require(hub.subscribe(ScoreboardFilter()))
        // The reader keeps up; the stalled viewer never reads.
        let received = Task { await Self.drain(reader, expecting: 10) }
        for sequence in 1...10 {
            hub.publish([Self.row(Int64(sequence))])
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(await received.value == Array(1...10))
        #expect(hub.viewerCount == 1)
        // The stalled viewer gets what fitted in its buffer, then the end of its stream (it resyncs by reconnecting).
        var stalledSequences: [Int64] = []
        for await delivery in stalled.deliveries {
            if case .result(let sequence, _) = delivery { stalledSequences.append(sequence) }
        }
        #expect(stalledSequences == [1, 2, 3, 4])
    }

    @Test func refusesViewersBeyondTheLimitAndEndsEveryStreamWhenClosed() async throws {
        let hub = ScoreboardHub(bufferSize: 4, maximumViewers: 2)
        let first = try #require(hub.subscribe(ScoreboardFilter()))
        let second = try #require(hub.subscribe(ScoreboardFilter()))
        #expect(hub.subscribe(ScoreboardFilter()) == nil)
        second.finish()
        #expect(hub.viewerCount == 1)
        let third = try #require(hub.subscribe(ScoreboardFilter()))
        hub.close()
        #expect(hub.viewerCount == 0)
        #expect(hub.subscribe(ScoreboardFilter()) == nil)
        for subscription in [first, third] {
            var count = 0
            for await _ in subscription.deliveries { count += 1 }
            #expect(count == 0)
        }
    }
}
