import Foundation

/// The exam officer's preparation of a stage, shared by the SKD and SKB stages: sessions at the test site, seating
/// and rosters (exam-scoring service, DOMAIN §1.6-1.7).
struct ExamDesk: Sendable {
    /// One roster line: who sits where, and what was recorded.
    struct Seat: Sendable, Hashable {
        /// Lower-case application id.
        var applicationId: String
        var participantNumber: String
        /// Lower-case session id.
        var sessionId: String
        /// `scored`, `absent`, `disqualified`, or `nil` while nothing is recorded.
        var outcome: String?
    }

    let context: SimulationContext
    /// The exam officer's token.
    let token: String

    /// Seats per session: a CAT room at UPT BKN Kupang.
    static let sessionCapacity = 40

    var base: String { context.endpoints.examScoring }

    /// The site of every simulated session.
    static var site: [String: Any] { [
        "name": "UPT BKN Kupang", "code": "KPG-01", "address": "Jl. Frans Seda, Kelapa Lima",
        "regency": "Kota Kupang",
    ] }

    /// The start of session `index` (0-based): three a day (08:00, 10:30, 13:00 agency time) from the day `daysAhead`
    /// days after today.
    func start(ofSession index: Int, daysAhead: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = context.timeZone
        let today = calendar.startOfDay(for: Date())
        let day = calendar.date(byAdding: .day, value: daysAhead + index / 3, to: today) ?? today
        let minutes = [8 * 60, 10 * 60 + 30, 13 * 60][index % 3]
        return day.addingTimeInterval(TimeInterval(minutes * 60))
    }

    /// Schedules enough sessions of `stage` (`SKD`, `SKB`) for `candidates` (at least one), each of
    /// ``sessionCapacity``, labelled "`labelPrefix` N"; answers their ids (lower-case) in start order.
    ///
    /// The exam service answers 404 until it has read the period from the registration topic: the first session is
    /// retried until ``SimulationOptions/propagationTimeout``.
    func scheduleSessions(stage: String, candidates: Int, daysAhead: Int, labelPrefix: String) async throws -> [String] {
        let count = max(1, (candidates + Self.sessionCapacity - 1) / Self.sessionCapacity)
        let periodId = try context.periodId
        var ids: [String] = []
        for index in 0..<count {
            let body = SuiteClient.JSONBody([
                "periodId": periodId, "stage": stage, "site": Self.site, "label": "\(labelPrefix) \(index + 1)",
                "startsAt": SimulationContext.instant(start(ofSession: index, daysAhead: daysAhead)),
                "capacity": Self.sessionCapacity,
            ] as [String: Any])
            let step = "schedule \(stage) session \(index + 1)"
            let response = try await context.client.waitFor(
                "the exam service learns of the period (\(step))", timeout: context.options.propagationTimeout
            ) { () async throws -> APIResponse? in
                let response = try await context.client.send(
                    "POST", "\(base)/v1/sessions", token: token, body: .json(body), stage: "\(stage.lowercased())-session")
                return response.status == 404 ? nil : response
            }
            guard response.status == 201, let id = response.json["sessionId"] as? String else {
                throw SimulationError.unexpectedStatus(step: step, expected: [201], status: response.status,
                                                       body: response.text)
            }
            ids.append(id.lowercased())
        }
        return ids
    }

    /// Seats `stage` repeatedly until `expected` candidates in all were assigned (the exam service learns of
    /// published administrative results, and for the SKB of finalised rankings, from events), or the propagation
    /// timeout passes. Answers the total assigned; throws when the sessions are full or too few were seated.
    @discardableResult
    func seat(stage: String, expected: Int) async throws -> Int {
        let periodId = try context.periodId
        let step = "seat \(stage)"
        let deadline = ContinuousClock.now + context.options.propagationTimeout
        var total = 0
        while true {
            let response = try await context.client.expect(
                "POST", "\(base)/v1/periods/\(periodId)/seating", token: token,
                body: .json(.init(["stage": stage])), stage: "seat", step: step, status: 200)
            total += response.json["assigned"] as? Int ?? 0
            if let unseated = response.json["unseated"] as? Int, unseated > 0 {
                throw SimulationError.mismatch(step: step, detail: "\(unseated) candidates left without a seat")
            }
            if total > expected {
                throw SimulationError.mismatch(
                    step: step, detail: "\(total) candidates seated, but only \(expected) may sit the \(stage)")
            }
            if total == expected { return total }
            guard ContinuousClock.now < deadline else {
                throw SimulationError.timedOut(
                    step: step, detail: "\(total) of \(expected) candidates seated within \(context.options.propagationTimeout)")
            }
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    /// Every line of the rosters of `sessionIds`, following the pages.
    func roster(_ sessionIds: [String]) async throws -> [Seat] {
        var seats: [Seat] = []
        for sessionId in sessionIds {
            var cursor: String?
            repeat {
                var url = "\(base)/v1/sessions/\(sessionId)/roster?limit=200"
                if let cursor {
                    url += "&cursor=" + (cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cursor)
                }
                let page = try await context.client.expect(
                    "GET", url, token: token, stage: "seat", step: "roster of session \(sessionId)", status: 200)
                for entry in page.items {
                    guard let application = entry["applicationId"] as? String,
                          let number = entry["participantNumber"] as? String
                    else {
                        throw SimulationError.malformedAnswer(step: "roster of session \(sessionId)",
                                                              detail: "a line without application or participant number")
                    }
                    seats.append(Seat(applicationId: application.lowercased(), participantNumber: number,
                                      sessionId: sessionId, outcome: entry["outcome"] as? String))
                }
                cursor = page.json["nextCursor"] as? String
            } while cursor != nil
        }
        return seats
    }

    /// `number` as a path segment.
    static func segment(_ number: String) -> String {
        number.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-")))
            ?? number
    }

    /// A plausible participant number nobody holds (the fiscal year's prefix and the highest serial).
    static func unknownParticipantNumber(like number: String?) -> String {
        String((number ?? "26").prefix(2)) + "99999999"
    }
}
