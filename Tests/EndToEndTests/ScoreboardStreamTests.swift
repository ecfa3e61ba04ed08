import Foundation
import RecruitmentEvents
import SuiteHarness
import TestSupport
import Testing

/// The live scoreboard through the real announcements executable: SKD results published to the exam topic reach an
/// open Server-Sent Events stream; a reconnection with `Last-Event-ID` replays exactly what was missed; filters,
/// heartbeats, bad input, viewers that go away and a graceful shutdown with streams open.
@Suite(.serialized) struct ScoreboardStreamTests {
    /// What one stream has received so far.
    actor Received {
        /// One `result` event: its id and the fields the tests look at.
        struct Row: Sendable {
            var id: Int64
            var participant: String?
            var sequence: Int64?
            var twk: Int?
            var total: Int?
            var status: String?
            var siteCode: String?
            var meetsPassingGrade: Bool?
            var keys: Set<String>
        }

        var events: [Row] = []
        var heartbeats = 0
        var status: Int?

        func add(_ message: ServerSentMessage) {
            switch message {
            case .event(let id, "result", let data):
                let row = (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] ?? [:]
                events.append(Row(
                    id: Int64(id ?? "") ?? -1, participant: row["participantNumber"] as? String,
                    sequence: (row["sequence"] as? NSNumber)?.int64Value, twk: row["twk"] as? Int,
                    total: row["total"] as? Int, status: row["status"] as? String, siteCode: row["siteCode"] as? String,
                    meetsPassingGrade: row["meetsPassingGrade"] as? Bool, keys: Set(row.keys)))
            case .comment(let text) where text == "heartbeat":
                heartbeats += 1
            default:
                break
            }
        }

        func opened(_ status: Int) { self.status = status }
        var participants: [String] { events.compactMap(\.participant) }
        var lastId: Int64? { events.last?.id }
    }

    /// Opens a stream in a task that records everything into the returned ``Received``.
    static func open(_ url: String, headers: [(String, String)] = [], client: EventStreamClient)
        -> (Received, Task<EventStreamEnd, any Error>)
    {
        let received = Received()
        let task = Task {
            try await client.read(url, headers: headers, opened: { status, _ in
                Task { await received.opened(status) }
            }) { message in
                await received.add(message)
                return true
            }
        }
        return (received, task)
    }

    func withAnnouncements(_ body: (ServiceProcess, ScoreboardExamEvents) async throws -> Void) async throws {
        guard let brokers = TestEnvironment.kafkaBrokers() else {
            try TestEnvironment.skipUnlessCI(missing: TestEnvironment.kafkaBrokersVariable)
            return
        }
        let prefix = ServiceEnvironments.uniquePrefix()
        try await TestPostgres.withFreshDatabase { _, url in
            let service = try ServiceEnvironments.announcements(
                postgres: url, brokers: brokers, prefix: prefix,
                extra: ScoreboardExamEvents.serviceSettings())
            try await service.start()
            do {
                try await ScoreboardExamEvents.with(brokers: brokers, prefix: prefix) { events in
                    try await body(service, events)
                }
            } catch {
                await service.stop()
                throw error
            }
            await service.stop()
        }
    }

    /// The scoreboard's rows as `GET /v1/scoreboard/results` lists them.
    static func listed(_ service: ServiceProcess, query: String = "") async throws -> [[String: Any]] {
        let response = try await TestHTTP.get("\(service.baseURL)/v1/scoreboard/results?limit=500\(query)")
        return response.json["items"] as? [[String: Any]] ?? []
    }

    static func viewers(_ service: ServiceProcess) async throws -> Int? {
        let metrics = try await TestHTTP.get("\(service.baseURL)/metrics").text
        let line = metrics.split(separator: "\n").first { $0.hasPrefix("asn_scoreboard_viewers ") }
        return line.flatMap { Double($0.split(separator: " ").last ?? "").map { Int($0) } }
    }

    @Test func resultsArriveLiveAndAReconnectionReplaysWhatWasMissed() async throws {
        try await withAnnouncements { service, events in
            let client = EventStreamClient()
            defer { Task { await client.shutdown() } }
            let kupang = events.session(site: "KPG-01")
            let elsewhere = events.session(site: "SBA-02")
            try await events.publish([kupang, elsewhere])
            // Sessions are scheduled days before their results; here they travel on other partitions than the
            // results, so wait for them (a row projected before its session has no site for a site stream to match).
            #expect(await waitUntil(timeout: .seconds(30)) {
                let sessions = try await TestHTTP.get("\(service.baseURL)/v1/scoreboard/sessions")
                return (sessions.json["items"] as? [Any])?.count == 2
            })

            let base = "\(service.baseURL)/v1/scoreboard/stream"
            let (all, allTask) = Self.open(base, client: client)
            let (site, siteTask) = Self.open("\(base)?siteCode=KPG-01", client: client)
            let (session, sessionTask) = Self.open("\(base)?sessionId=\(elsewhere.sessionId.eventKey)", client: client)
            #expect(await waitUntil(timeout: .seconds(10)) { try await Self.viewers(service) == 3 })

            let first = events.result(session: kupang.sessionId, participant: "2453710100101")
            try await events.publish([first])
            #expect(await waitUntil(timeout: .seconds(10)) { await all.participants == ["2453710100101"] })
            #expect(await waitUntil(timeout: .seconds(5)) { await site.participants == ["2453710100101"] })
            let row = try #require(await all.events.first)
            #expect(row.total == 360 && row.twk == 90 && row.status == "scored")
            #expect(row.siteCode == "KPG-01" && row.meetsPassingGrade == true)
            #expect(!row.keys.contains("applicantId") && !row.keys.contains("applicationId"))
            #expect(row.id == row.sequence)
            #expect(await waitUntil(timeout: .seconds(5)) { await all.heartbeats >= 1 })

            // The viewer of the other session got nothing; a viewer that leaves is cleaned up.
            sessionTask.cancel()
            #expect(await session.participants.isEmpty)
            #expect(await waitUntil(timeout: .seconds(10)) { try await Self.viewers(service) == 2 })

            // The site viewer leaves; two results are recorded while it is away, one elsewhere.
            let missedFrom = try #require(await site.lastId)
            siteTask.cancel()
            let second = events.result(session: kupang.sessionId, participant: "2453710100102", twk: 60)
            let third = events.result(session: kupang.sessionId, participant: "2453710100103")
            let other = events.result(session: elsewhere.sessionId, participant: "2453710100199")
            try await events.publish([second, other, third])
            #expect(await waitUntil(timeout: .seconds(15)) { await all.events.count == 4 })
            #expect(Set(await all.participants) == ["2453710100101", "2453710100102", "2453710100103",
                                                   "2453710100199"])
            let ids = await all.events.map(\.id)
            #expect(ids == ids.sorted() && Set(ids).count == ids.count)

            // Reconnecting with Last-Event-ID replays exactly the two missed rows of the site, then goes on live.
            let (resumed, resumedTask) = Self.open(
                "\(base)?siteCode=KPG-01", headers: [("Last-Event-ID", String(missedFrom))], client: client)
            #expect(await waitUntil(timeout: .seconds(10)) { await resumed.participants.count == 2 })
            // (Results of different candidates travel on different partitions: their order is the sequence order
            // the projection gave them, which the full stream shows.)
            let kupangOrder = await all.events.filter { $0.siteCode == "KPG-01" }.compactMap(\.participant)
            #expect(await resumed.participants == Array(kupangOrder.dropFirst()))
            let fourth = events.result(session: kupang.sessionId, participant: "2453710100104")
            try await events.publish([fourth])
            #expect(await waitUntil(timeout: .seconds(10)) { await resumed.participants.count == 3 })
            #expect(await resumed.participants == Array(kupangOrder.dropFirst()) + ["2453710100104"])
            #expect(await resumed.events.first { $0.participant == "2453710100102" }?.meetsPassingGrade == false)

            // `after=0` replays everything of the filter (what the page asks for on its first connection).
            let (fromStart, fromStartTask) = Self.open("\(base)?siteCode=KPG-01&after=0", client: client)
            #expect(await waitUntil(timeout: .seconds(10)) { await fromStart.participants.count == 4 })
            #expect(await fromStart.participants == kupangOrder + ["2453710100104"])
            // The paged listing agrees with the streams.
            let listed = try await Self.listed(service, query: "&siteCode=KPG-01")
            #expect(listed.compactMap { $0["participantNumber"] as? String } == (await fromStart.participants))
            let page = try await TestHTTP.get("\(service.baseURL)/v1/scoreboard/results?limit=2")
            let cursor = try #require(page.json["nextCursor"] as? String)
            let rest = try await Self.listed(service, query: "&after=\(cursor)")
            #expect((page.json["items"] as? [Any])?.count == 2 && rest.count == 3)

            for task in [allTask, resumedTask, fromStartTask] { task.cancel() }
            #expect(await waitUntil(timeout: .seconds(10)) { try await Self.viewers(service) == 0 })
        }
    }

    @Test func badParametersAreProblemsNamingTheField() async throws {
        try await withAnnouncements { service, _ in
            let base = "\(service.baseURL)/v1/scoreboard"
            let cases: [(String, [(String, String)], String)] = [
                ("\(base)/stream?sessionId=not-a-uuid", [], "sessionId"),
                ("\(base)/stream?siteCode=%3Cscript%3E", [], "siteCode"),
                ("\(base)/stream", [("Last-Event-ID", "yesterday")], "Last-Event-ID"),
                ("\(base)/stream?after=-1", [], "after"),
                ("\(base)/results?after=abc", [], "after"),
                ("\(base)/results?limit=0", [], "limit"),
                ("\(base)/sessions?stage=TKD", [], "stage"),
                ("\(base)/sessions?periodId=1", [], "periodId"),
            ]
            for (url, headers, field) in cases {
                let response = try await TestHTTP.get(url, headers: headers)
                #expect(response.status == 400, "\(url): \(response.status)")
                #expect(response.header("Content-Type")?.hasPrefix("application/problem+json") == true)
                let errors = response.json["errors"] as? [[String: Any]] ?? []
                #expect(errors.contains { $0["field"] as? String == field }, "\(url): \(response.text)")
            }
        }
    }

    @Test func aGracefulShutdownEndsOpenStreams() async throws {
        try await withAnnouncements { service, _ in
            let client = EventStreamClient()
            defer { Task { await client.shutdown() } }
            let (received, task) = Self.open("\(service.baseURL)/v1/scoreboard/stream", client: client)
            #expect(await waitUntil(timeout: .seconds(10)) { await received.status == 200 })
            let began = ContinuousClock.now
            await service.stop()
            let ended = await firstWithin(.seconds(10)) { try await task.value }
            #expect(ended == .endedByServer)
            #expect(ContinuousClock.now - began < .seconds(10))
            #expect(service.terminationStatus == 0)
        }
    }
}
