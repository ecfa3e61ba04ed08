import EventStore
import Foundation
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit
import TestSupport
import Testing
@testable import Announcements

/// The feedback commands against the real PostgreSQL: the state machine (refused moves change nothing), the events
/// appended to `feedback-<id>` in the outbox, the sender's view, the public list and the moderation queue with paging.
@Suite struct FeedbackCommandsTests {
    static let announcer = UUID(uuidString: "a7e45d9c-8438-49c7-ac9c-d4f8aa82be9e")!
    static let t0 = Date(timeIntervalSince1970: 1_729_476_000)

    struct Harness {
        let client: PostgresClient
        let eventStore: EventStore
        let commands: FeedbackCommands
        let store: FeedbackStore

        func officer(_ offset: TimeInterval = 60) -> FeedbackCommandContext {
            FeedbackCommandContext(actor: FeedbackCommandsTests.announcer, correlationId: "feedback-tests",
                                   now: FeedbackCommandsTests.t0 + offset)
        }

        func submit(_ message: String = "Skor langsung tertinggal sepuluh menit dari layar di lokasi.",
                    category: FeedbackCategory = .exam, period: UUID? = nil, reference: String? = nil,
                    at offset: TimeInterval = 0) async throws -> FeedbackReceipt
        {
            let submission = try FeedbackSubmission.validate(SubmitFeedbackRequest(
                category: category, periodId: period, reference: reference, message: message))
            return try await commands.submit(
                submission, context: FeedbackCommandContext(correlationId: "public", now: FeedbackCommandsTests.t0 + offset))
        }

        /// The decoded events of one feedback's stream.
        func events(_ feedbackId: UUID) async throws -> [any RecruitmentEvent] {
            try await eventStore.loadStream(FeedbackCommands.streamId(feedbackId)).map {
                try EventRegistry.standard.decode($0)
            }
        }

        func record(_ feedbackId: UUID) async throws -> FeedbackRecord {
            try #require(try await store.record(id: feedbackId))
        }
    }

    static func run(_ body: (Harness) async throws -> Void) async throws {
        try await TestPostgres.withFreshDatabase { client, _ in
            let logger = TestPostgres.logger
            try await DatabaseMigrator(
                client: client, migrations: EventStoreMigrations.all + AnnouncementsService.migrations, logger: logger
            ).migrate()
            let eventStore = EventStore(client: client, logger: logger)
            try await body(Harness(
                client: client, eventStore: eventStore,
                commands: FeedbackCommands(postgres: client, eventStore: eventStore, logger: logger),
                store: FeedbackStore(postgres: client, logger: logger)))
        }
    }

    /// The problem a command threw, or `nil` if it succeeded.
    static func problem(_ body: () async throws -> Void) async -> Problem? {
        do {
            try await body()
            return nil
        } catch let error as any ProblemConvertible {
            return error.problem
        } catch let problem as Problem {
            return problem
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func submissionIsStoredWithItsEventInTheOutboxAndReadableByTrackingCode() async throws {
        try await Self.run { h in
            let period = UUID()
            let receipt = try await h.submit(category: .results, period: period, reference: "800/415/BKPSDM/IX/2024")
            #expect(receipt.state == .received)
            #expect(FeedbackTrackingCode.normalized(receipt.trackingCode) == receipt.trackingCode)

            let events = try await h.events(receipt.feedbackId)
            let received = try #require(events.first as? FeedbackReceivedV1)
            #expect(events.count == 1)
            #expect(received.feedbackId == receipt.feedbackId && received.trackingCode == receipt.trackingCode)
            #expect(received.category == .results && received.periodId == period)
            #expect(received.reference == "800/415/BKPSDM/IX/2024")
            let stored = try await h.eventStore.loadStoredStream(FeedbackCommands.streamId(receipt.feedbackId))
            #expect(try await h.eventStore.unpublishedEvents().map(\.position) == stored.map(\.position),
                    "waits in the outbox for the relay")
            #expect(stored.first?.envelope.correlationId == "public")

            let view = try #require(try await h.store.record(trackingCode: receipt.trackingCode)).statusView
            #expect(view.state == .received && !view.isListed && view.answer == nil)
            #expect(view.message == received.message)
            #expect(try await h.store.listed(period: nil, category: nil, before: nil, limit: 10).isEmpty,
                    "nothing is public before moderation")
            #expect(try await h.store.record(trackingCode: "FB-2222-2222-2222") == nil)
        }
    }

    @Test func publishThenAnswerPubliclyAndEveryOtherMoveIsRefusedWithoutChange() async throws {
        try await Self.run { h in
            let id = try await h.submit().feedbackId
            let published = try await h.commands.moderate(
                id, ModerateFeedbackRequest(state: .published, publicReason: nil), context: h.officer())
            #expect(published.state == .published && published.isListed && published.streamVersion == 2)

            // Moderating twice, in either direction: 409, nothing appended or changed.
            for decision in [FeedbackModerationDecision.published, .rejected] {
                let refused = await Self.problem {
                    _ = try await h.commands.moderate(
                        id, ModerateFeedbackRequest(state: decision, publicReason: "Sudah dimoderasi."),
                        context: h.officer(120))
                }
                #expect(refused?.statusCode == 409 && refused?.type == "/problems/feedback-state")
            }
            #expect(try await h.record(id) == published)
            #expect(try await h.events(id).count == 2)

            let answered = try await h.commands.answer(
                id, AnswerFeedbackRequest(answer: "Tayangan daring tertunda; skor resmi ada di log.", isPublic: true),
                context: h.officer(180))
            #expect(answered.state == .answered && answered.isListed && answered.answerIsPublic == true)
            let again = await Self.problem {
                _ = try await h.commands.answer(
                    id, AnswerFeedbackRequest(answer: "Jawaban kedua.", isPublic: false), context: h.officer(240))
            }
            #expect(again?.statusCode == 409)
            #expect(try await h.record(id) == answered)

            let events = try await h.events(id)
            #expect(events.count == 3)
            let moderated = try #require(events[1] as? FeedbackModeratedV1)
            #expect(moderated.decision == .published && moderated.moderatedBy == Self.announcer)
            let answer = try #require(events[2] as? FeedbackAnsweredV1)
            #expect(answer.isPublic && answer.answeredBy == Self.announcer)
            #expect(answer.answer == "Tayangan daring tertunda; skor resmi ada di log.")

            let listed = try await h.store.listed(period: nil, category: nil, before: nil, limit: 10)
            #expect(listed.map(\.publicItem.answer) == ["Tayangan daring tertunda; skor resmi ada di log."])
        }
    }

    @Test func rejectionNeedsAReasonHidesTheFeedbackAndEndsIt() async throws {
        try await Self.run { h in
            let id = try await h.submit().feedbackId
            let noReason = await Self.problem {
                _ = try await h.commands.moderate(id, ModerateFeedbackRequest(state: .rejected, publicReason: " "),
                                                  context: h.officer())
            }
            #expect(noReason?.statusCode == 422 && noReason?.errors?.map(\.field) == ["publicReason"])
            #expect(try await h.record(id).state == .received)

            let rejected = try await h.commands.moderate(
                id, ModerateFeedbackRequest(state: .rejected, publicReason: "Bukan tentang seleksi ini."),
                context: h.officer())
            #expect(rejected.state == .rejected && !rejected.isListed)
            let answer = await Self.problem {
                _ = try await h.commands.answer(id, AnswerFeedbackRequest(answer: "Terima kasih.", isPublic: true),
                                                context: h.officer(120))
            }
            #expect(answer?.statusCode == 409)
            let view = try await h.record(id).statusView
            #expect(view.state == .rejected && view.publicReason == "Bukan tentang seleksi ini." && view.answer == nil)
            #expect(try await h.store.listed(period: nil, category: nil, before: nil, limit: 10).isEmpty)
            #expect(try await h.events(id).count == 2)

            let unknown = await Self.problem {
                _ = try await h.commands.moderate(UUID(), ModerateFeedbackRequest(state: .published, publicReason: nil),
                                                  context: h.officer())
            }
            #expect(unknown?.statusCode == 404)
        }
    }

    @Test func privateAnswerReachesOnlyTheSender() async throws {
        try await Self.run { h in
            let receipt = try await h.submit()
            let answered = try await h.commands.answer(
                receipt.feedbackId, AnswerFeedbackRequest(answer: "Silakan cek email resmi panitia.", isPublic: false),
                context: h.officer())
            #expect(answered.state == .answered && !answered.isListed)
            let view = try #require(try await h.store.record(trackingCode: receipt.trackingCode)).statusView
            #expect(view.answer == "Silakan cek email resmi panitia." && !view.isListed)
            #expect(try await h.store.listed(period: nil, category: nil, before: nil, limit: 10).isEmpty)
            #expect(try await h.store.queue(state: .received, after: nil, limit: 10).isEmpty)
            #expect(try await h.store.queue(state: .answered, after: nil, limit: 10).map(\.feedbackId)
                == [receipt.feedbackId])

            // A published question answered privately stays listed, without the answer.
            let other = try await h.submit(at: 10).feedbackId
            _ = try await h.commands.moderate(other, ModerateFeedbackRequest(state: .published, publicReason: nil),
                                              context: h.officer())
            _ = try await h.commands.answer(other, AnswerFeedbackRequest(answer: "Dijawab langsung.", isPublic: false),
                                            context: h.officer(120))
            let listed = try await h.store.listed(period: nil, category: nil, before: nil, limit: 10)
            #expect(listed.map(\.feedbackId) == [other])
            #expect(listed.first?.publicItem.answer == nil && listed.first?.publicItem.answeredAt == nil)
        }
    }

    @Test func concurrentModerationsLetExactlyOneWin() async throws {
        try await Self.run { h in
            let id = try await h.submit().feedbackId
            let outcomes = await withTaskGroup(of: Int.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        let request = index.isMultiple(of: 2)
                            ? ModerateFeedbackRequest(state: .published, publicReason: nil)
                            : ModerateFeedbackRequest(state: .rejected, publicReason: "Tidak relevan.")
                        let problem = await Self.problem {
                            _ = try await h.commands.moderate(id, request, context: h.officer())
                        }
                        return problem?.statusCode ?? 200
                    }
                }
                return await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == 200 }.count == 1)
            #expect(outcomes.filter { $0 == 409 }.count == 7)
            #expect(try await h.events(id).count == 2)
        }
    }

    @Test func publicListAndQueuePageInTheirOrderWithFilters() async throws {
        try await Self.run { h in
            let (periodA, periodB) = (UUID(), UUID())
            var ids: [UUID] = []
            for index in 0..<7 {
                let receipt = try await h.submit(
                    "Masukan nomor \(index + 1) tentang jadwal ujian.", category: index < 4 ? .exam : .results,
                    period: index.isMultiple(of: 2) ? periodA : periodB, at: TimeInterval(index))
                ids.append(receipt.feedbackId)
            }
            // The queue: oldest first, three per page.
            var queued: [UUID] = []
            var cursor: Int64?
            repeat {
                let page = try await h.store.queue(state: .received, after: cursor, limit: 3 + 1)
                let kept = FeedbackRoutes.page(page, limit: 3, item: \.moderationItem)
                queued += kept.items.map(\.feedbackId)
                cursor = kept.nextCursor.flatMap { Int64($0) }
            } while cursor != nil
            #expect(queued == ids)

            // Publish all but the second; the list is newest first.
            for (index, id) in ids.enumerated() where index != 1 {
                _ = try await h.commands.moderate(id, ModerateFeedbackRequest(state: .published, publicReason: nil),
                                                  context: h.officer())
            }
            var listed: [UUID] = []
            var before: Int64?
            var pages = 0
            repeat {
                let page = try await h.store.listed(period: nil, category: nil, before: before, limit: 2 + 1)
                let kept = FeedbackRoutes.page(page, limit: 2, item: \.publicItem)
                listed += kept.items.map(\.feedbackId)
                before = kept.nextCursor.flatMap { Int64($0) }
                pages += 1
            } while before != nil
            #expect(listed == ids.enumerated().filter { $0.offset != 1 }.map(\.element).reversed())
            #expect(pages == 3)

            let examInA = try await h.store.listed(period: periodA, category: .exam, before: nil, limit: 10)
            #expect(examInA.map(\.feedbackId) == [ids[2], ids[0]])
            let results = try await h.store.listed(period: nil, category: .results, before: nil, limit: 10)
            #expect(results.map(\.feedbackId) == [ids[6], ids[5], ids[4]])
            #expect(try await h.store.queue(state: .received, after: nil, limit: 10).map(\.feedbackId) == [ids[1]])
            let backlog = try await h.store.backlog()
            #expect(backlog.count == 1 && backlog.oldest == Self.t0 + 1)
        }
    }
}
