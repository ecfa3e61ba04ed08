public import Foundation

/// The exam officers' and applicants' paths through the exam-scoring API (DOMAIN §1.6-1.9, §2, §3), over HTTP only:
/// sessions and seats, answer keys, SKD results (sub-scores, answer sheets, CAT files, absences, disqualifications),
/// the SKD ranking, SKB schemes and results, and the final integration. Used by the end-to-end tests, so they
/// exercise the real public contract.
///
/// Most helpers answer the whole ``TestHTTP/Response`` so that a test can check refusals as well as successes; the
/// few that need a success to go on (``scheduledSession(periodId:stage:label:startsAt:capacity:token:timeout:)``,
/// ``seat(periodId:stage:token:untilAssigned:timeout:)``, ``roster(sessionId:token:pageSize:)``) throw
/// ``RegistrationJourney/Failure`` otherwise. Tokens come from the registration service (see
/// ``VerificationJourney/officer(_:roles:adminToken:)`` with role `exam_officer`); `nil` sends no token.
public struct ExamJourney: Sendable {
    /// Base URL of the exam-scoring service, e.g. `http://127.0.0.1:8083`.
    public let baseURL: String

    public init(baseURL: String) {
        self.baseURL = baseURL
    }

    // MARK: - Plain requests

    static func bearer(_ token: String?) -> [(String, String)] {
        token.map { [("Authorization", "Bearer \($0)")] } ?? []
    }

    /// `GET path` (relative to ``baseURL``).
    public func get(_ path: String, token: String?) async throws -> TestHTTP.Response {
        try await TestHTTP.get("\(baseURL)\(path)", headers: Self.bearer(token))
    }

    /// `POST path` with a JSON body.
    public func post(_ path: String, json: Any = [String: Any](), token: String?) async throws -> TestHTTP.Response {
        try await TestHTTP.post("\(baseURL)\(path)", json: json, headers: Self.bearer(token))
    }

    /// `PUT path` with a JSON body.
    public func put(_ path: String, json: Any, token: String?) async throws -> TestHTTP.Response {
        let body = try JSONSerialization.data(withJSONObject: json)
        return try await TestHTTP.send(
            "PUT", "\(baseURL)\(path)", headers: Self.bearer(token) + [("Content-Type", "application/json")],
            body: Array(body))
    }

    func expect(_ response: TestHTTP.Response, _ status: Int, _ step: String) throws -> [String: Any] {
        guard response.status == status else {
            throw RegistrationJourney.Failure(step: step, status: response.status, body: response.text)
        }
        return response.json
    }

    // MARK: - Sessions and seats

    /// A test site in Kota Kupang (`ExamSite`).
    public static func site(name: String = "UPT BKN Kupang", code: String? = "KPG-01") -> [String: Any] {
        var site: [String: Any] = [
            "name": name, "address": "Jl. Frans Seda, Kelapa Lima", "regency": "Kota Kupang",
        ]
        if let code { site["code"] = code }
        return site
    }

    /// An ISO-8601 timestamp (UTC, whole seconds), as the API takes instants.
    public static func instant(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    /// The body of `POST /v1/sessions`.
    public static func sessionRequest(periodId: String, stage: String, label: String, startsAt: Date, capacity: Int,
                                      durationMinutes: Int? = nil, site: [String: Any] = site()) -> [String: Any]
    {
        var body: [String: Any] = [
            "periodId": periodId, "stage": stage, "site": site, "label": label, "startsAt": instant(startsAt),
            "capacity": capacity,
        ]
        if let durationMinutes { body["durationMinutes"] = durationMinutes }
        return body
    }

    /// `POST /v1/sessions`: schedules a session (201 with the session).
    public func scheduleSession(periodId: String, stage: String, label: String, startsAt: Date, capacity: Int,
                                token: String?) async throws -> TestHTTP.Response
    {
        try await post("/v1/sessions", json: Self.sessionRequest(
            periodId: periodId, stage: stage, label: label, startsAt: startsAt, capacity: capacity), token: token)
    }

    /// Schedules a session and answers its id. While the exam service has not yet read the period from the
    /// registration topic it answers 404; that is retried for up to `timeout`, anything else but 201 throws.
    public func scheduledSession(periodId: String, stage: String, label: String, startsAt: Date, capacity: Int,
                                 token: String, timeout: Duration = .seconds(30)) async throws -> String
    {
        let deadline = ContinuousClock.now + timeout
        while true {
            let response = try await scheduleSession(
                periodId: periodId, stage: stage, label: label, startsAt: startsAt, capacity: capacity, token: token)
            if response.status == 201, let id = response.json["sessionId"] as? String { return id }
            guard response.status == 404, ContinuousClock.now < deadline else {
                throw RegistrationJourney.Failure(
                    step: "schedule \(stage) session \(label)", status: response.status, body: response.text)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// `POST /v1/sessions/{id}/reschedule`.
    public func reschedule(sessionId: String, startsAt: Date, reason: String, token: String?) async throws
        -> TestHTTP.Response
    {
        try await post("/v1/sessions/\(sessionId)/reschedule",
                       json: ["startsAt": Self.instant(startsAt), "reason": reason], token: token)
    }

    /// `POST /v1/periods/{id}/seating`: seats every candidate who may sit `stage` and has none yet (200 with
    /// `assigned` and `unseated`).
    public func seat(periodId: String, stage: String, token: String?) async throws -> TestHTTP.Response {
        try await post("/v1/periods/\(periodId)/seating", json: ["stage": stage], token: token)
    }

    /// Seats repeatedly until `expected` candidates in all were assigned by these calls (the exam service learns of
    /// published results from the verification topic, so early calls may find fewer), or `timeout` passes; answers
    /// the total assigned, which can exceed `expected` if more were eligible. Throws on any answer but 200, or when
    /// fewer than `expected` were seated in time.
    @discardableResult
    public func seat(periodId: String, stage: String, token: String, untilAssigned expected: Int,
                     timeout: Duration = .seconds(30)) async throws -> Int
    {
        let deadline = ContinuousClock.now + timeout
        var total = 0
        while true {
            let response = try await seat(periodId: periodId, stage: stage, token: token)
            let summary = try expect(response, 200, "seat \(stage)")
            total += summary["assigned"] as? Int ?? 0
            if total >= expected { return total }
            guard ContinuousClock.now < deadline else {
                throw RegistrationJourney.Failure(
                    step: "seat \(stage): \(total) of \(expected) assigned in time", status: 200, body: response.text)
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// Every entry of a session's roster (`GET /v1/sessions/{id}/roster`), following `nextCursor` page by page.
    public func roster(sessionId: String, token: String, pageSize: Int = 100) async throws -> [[String: Any]] {
        var entries: [[String: Any]] = []
        var cursor: String?
        repeat {
            var path = "/v1/sessions/\(sessionId)/roster?limit=\(pageSize)"
            if let cursor {
                path += "&cursor=" + (cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cursor)
            }
            let page = try expect(try await get(path, token: token), 200, "roster of \(sessionId)")
            entries += (page["items"] as? [[String: Any]]) ?? []
            cursor = page["nextCursor"] as? String
        } while cursor != nil
        return entries
    }

    /// The participant number of every candidate seated in `sessionIds`, by application id (lower-cased).
    public func participantNumbers(sessionIds: [String], token: String) async throws -> [String: String] {
        var numbers: [String: String] = [:]
        for sessionId in sessionIds {
            for entry in try await roster(sessionId: sessionId, token: token) {
                if let application = entry["applicationId"] as? String, let number = entry["participantNumber"] as? String {
                    numbers[application.lowercased()] = number
                }
            }
        }
        return numbers
    }

    // MARK: - Answer keys and SKD results

    /// The option every TWK item of ``standardAnswerKey()`` wants.
    public static let twkKeyOption = "A"
    /// The option every TIU item of ``standardAnswerKey()`` wants.
    public static let tiuKeyOption = "B"
    /// The TKP option letters by weight in ``standardAnswerKey()``: A weighs 5, B 4, C 3, D 2, E 1.
    public static let tkpOptionByWeight = [5: "A", 4: "B", 3: "C", 2: "D", 1: "E"]

    /// A valid SKD answer key (30 TWK, 35 TIU, 45 TKP items, DOMAIN §2): TWK always A, TIU always B, and every TKP item
    /// weighs A 5, B 4, C 3, D 2, E 1. Pair it with ``answerSheet(packageId:twkCorrect:tiuCorrect:tkpWeights:)``.
    public static func standardAnswerKey() -> [String: Any] {
        [
            "twk": Array(repeating: twkKeyOption, count: 30),
            "tiu": Array(repeating: tiuKeyOption, count: 35),
            "tkp": Array(repeating: ["A": 5, "B": 4, "C": 3, "D": 2, "E": 1], count: 45),
        ]
    }

    /// An answer sheet against ``standardAnswerKey()`` (the `answerSheet` of `POST …/skd-result`) that scores
    /// TWK = 5 × `twkCorrect`, TIU = 5 × `tiuCorrect` and TKP = the sum of `tkpWeights` (one weight 1-5 per answered
    /// item, 0 for a blank; missing items are blank). The wrong TWK and TIU answers alternate with blanks.
    public static func answerSheet(packageId: String, twkCorrect: Int, tiuCorrect: Int, tkpWeights: [Int])
        -> [String: Any]
    {
        func part(count: Int, correct: Int, key: String) -> [Any] {
            (0..<count).map { index -> Any in
                if index < correct { return key }
                return index % 2 == 0 ? (key == "E" ? "D" : "E") : NSNull()
            }
        }
        let tkp: [Any] = (0..<45).map { index -> Any in
            guard index < tkpWeights.count, let option = tkpOptionByWeight[tkpWeights[index]] else { return NSNull() }
            return option
        }
        return [
            "packageId": packageId,
            "twk": part(count: 30, correct: twkCorrect, key: twkKeyOption),
            "tiu": part(count: 35, correct: tiuCorrect, key: tiuKeyOption),
            "tkp": tkp,
        ]
    }

    /// `POST /v1/exam-packages`: stores an SKD package's answer key (201 with the package, without the key).
    public func createPackage(periodId: String, code: String, answerKey: [String: Any] = standardAnswerKey(),
                              token: String?) async throws -> TestHTTP.Response
    {
        try await post("/v1/exam-packages", json: ["periodId": periodId, "code": code, "answerKey": answerKey],
                       token: token)
    }

    /// `POST /v1/participants/{number}/skd-result` with sub-scores (as a CAT system reports them).
    public func recordSkdScores(_ participantNumber: String, twk: Int, tiu: Int, tkp: Int, sessionId: String? = nil,
                                token: String?) async throws -> TestHTTP.Response
    {
        var body: [String: Any] = ["scores": ["twk": twk, "tiu": tiu, "tkp": tkp]]
        if let sessionId { body["sessionId"] = sessionId }
        return try await post("/v1/participants/\(Self.pathSegment(participantNumber))/skd-result", json: body,
                              token: token)
    }

    /// `POST /v1/participants/{number}/skd-result` with an answer sheet (see
    /// ``answerSheet(packageId:twkCorrect:tiuCorrect:tkpWeights:)``), scored by the service against its package.
    public func recordAnswerSheet(_ participantNumber: String, sheet: [String: Any], token: String?) async throws
        -> TestHTTP.Response
    {
        try await post("/v1/participants/\(Self.pathSegment(participantNumber))/skd-result",
                       json: ["answerSheet": sheet], token: token)
    }

    /// A CAT file (see `POST /v1/skd-imports`): the header line, then one line per row, cells joined by `delimiter`,
    /// lines ended by CRLF as spreadsheets write them.
    public static func skdCSV(header: [String] = ["nomor_peserta", "twk", "tiu", "tkp"], rows: [[String]],
                              delimiter: String = ",") -> String
    {
        ([header] + rows).map { $0.joined(separator: delimiter) }.joined(separator: "\r\n") + "\r\n"
    }

    /// `POST /v1/skd-imports`: imports a CAT file of SKD sub-scores, all rows or none (201 with the counts).
    public func importSkd(csv: String, contentType: String = "text/csv; charset=utf-8", token: String?) async throws
        -> TestHTTP.Response
    {
        try await TestHTTP.send(
            "POST", "\(baseURL)/v1/skd-imports", headers: Self.bearer(token) + [("Content-Type", contentType)],
            body: Array(csv.utf8))
    }

    /// `POST /v1/participants/{number}/absence`: the candidate did not attend `stage` (`SKD` → TH, `SKB` → P/TH).
    public func recordAbsence(_ participantNumber: String, stage: String, token: String?) async throws
        -> TestHTTP.Response
    {
        try await post("/v1/participants/\(Self.pathSegment(participantNumber))/absence", json: ["stage": stage],
                       token: token)
    }

    /// `POST /v1/participants/{number}/disqualification`: DIS with a public reason (10-1000 characters).
    public func disqualify(_ participantNumber: String, stage: String, reasonCode: String = "remote-access",
                           reason: String, token: String?) async throws -> TestHTTP.Response
    {
        try await post("/v1/participants/\(Self.pathSegment(participantNumber))/disqualification",
                       json: ["stage": stage, "reasonCode": reasonCode, "reason": reason], token: token)
    }

    // MARK: - Rankings, SKB and final results

    /// `GET /v1/formations/{id}/skd-ranking`: the finalised ranking, or a preview with `pending` outcomes.
    public func skdRanking(formationId: String, token: String?) async throws -> TestHTTP.Response {
        try await get("/v1/formations/\(formationId)/skd-ranking", token: token)
    }

    /// `POST /v1/formations/{id}/skd-ranking`: finalises the SKD ranking (201 with `SkdRankingFinalisedV1`).
    public func finaliseSkdRanking(formationId: String, token: String?) async throws -> TestHTTP.Response {
        try await post("/v1/formations/\(formationId)/skd-ranking", token: token)
    }

    /// One component of an SKB scheme (`PUT …/skb-scheme`); weights and raw maxima are exact decimals as strings.
    public static func schemeComponent(_ component: String, weightPercent: String, rawMaximum: String? = nil)
        -> [String: Any]
    {
        var entry: [String: Any] = ["component": component, "weightPercent": weightPercent]
        if let rawMaximum { entry["rawMaximum"] = rawMaximum }
        return entry
    }

    /// `GET /v1/formations/{id}/skb-scheme`: the scheme in force (`source` `announced` or `set`).
    public func skbScheme(formationId: String, token: String?) async throws -> TestHTTP.Response {
        try await get("/v1/formations/\(formationId)/skb-scheme", token: token)
    }

    /// `PUT /v1/formations/{id}/skb-scheme`: sets the SKB components (see ``schemeComponent(_:weightPercent:rawMaximum:)``).
    public func setSkbScheme(formationId: String, components: [[String: Any]], agencyLevel: String? = nil,
                             token: String?) async throws -> TestHTTP.Response
    {
        var body: [String: Any] = ["components": components]
        if let agencyLevel { body["agencyLevel"] = agencyLevel }
        return try await put("/v1/formations/\(formationId)/skb-scheme", json: body, token: token)
    }

    /// One component result of `POST …/skb-result`: a `score` on 0-100 or a `rawScore` (exact decimals as strings).
    public static func skbInput(_ component: String, score: String? = nil, rawScore: String? = nil) -> [String: Any] {
        var entry: [String: Any] = ["component": component]
        if let score { entry["score"] = score }
        if let rawScore { entry["rawScore"] = rawScore }
        return entry
    }

    /// `POST /v1/participants/{number}/skb-result` (see ``skbInput(_:score:rawScore:)``).
    public func recordSkbResult(_ participantNumber: String, components: [[String: Any]], token: String?) async throws
        -> TestHTTP.Response
    {
        try await post("/v1/participants/\(Self.pathSegment(participantNumber))/skb-result",
                       json: ["components": components], token: token)
    }

    /// `POST /v1/periods/{id}/final-results`: integrates SKD and SKB for every formation of the period (201 with one
    /// `FinalResultsComputedV1` per formation in `items`).
    public func computeFinalResults(periodId: String, token: String?) async throws -> TestHTTP.Response {
        try await post("/v1/periods/\(periodId)/final-results", token: token)
    }

    /// `GET /v1/formations/{id}/final-results`.
    public func finalResults(formationId: String, token: String?) async throws -> TestHTTP.Response {
        try await get("/v1/formations/\(formationId)/final-results", token: token)
    }

    /// `GET /v1/me/exam-cards`: the calling applicant's own seats.
    public func examCards(token: String?) async throws -> TestHTTP.Response {
        try await get("/v1/me/exam-cards", token: token)
    }

    // MARK: - Reading answers

    /// The `items` of a page (empty if there are none).
    public static func items(_ response: TestHTTP.Response) -> [[String: Any]] {
        (response.json["items"] as? [[String: Any]]) ?? []
    }

    /// The `type` of a problem response.
    public static func problemType(_ response: TestHTTP.Response) -> String? {
        response.json["type"] as? String
    }

    /// The `field` of each error of a problem response, in order.
    public static func problemFields(_ response: TestHTTP.Response) -> [String] {
        ((response.json["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }
    }

    /// The rows of an SKD ranking (`POST` answer, or the `ranking` of a `GET` view) or of final results, by
    /// application id (lower-cased).
    public static func rowsByApplication(_ value: [String: Any]) -> [String: [String: Any]] {
        let container = (value["ranking"] as? [String: Any]) ?? value
        var rows: [String: [String: Any]] = [:]
        for row in (container["rows"] as? [[String: Any]]) ?? [] {
            if let id = row["applicationId"] as? String { rows[id.lowercased()] = row }
        }
        return rows
    }

    /// A participant number as a path segment (percent-encoded, so that tests can send implausible ones).
    static func pathSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-"))) ?? text
    }
}
