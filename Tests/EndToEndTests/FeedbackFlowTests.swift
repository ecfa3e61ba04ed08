import Foundation
import PostgresNIO
import SuiteHarness
import TestSupport
import Testing

/// Public feedback through the real announcements executable (registration beside it as the identity provider):
/// submission, the sender's tracking lookup, the limits (personal data 422, oversize 413, flooding 429 per client behind
/// a trusted proxy), moderation and answers by an announcer (401 without a token, 403 for another role, 409 for a
/// second decision), the public list, and the events reaching the broker through the outbox. Every response is
/// checked against the service's own `/openapi.json`.
@Suite(.serialized) struct FeedbackFlowTests {
    static let nik = "5371014507950001"

    struct API {
        let validator: OpenAPIValidator
        let base: String

        /// Sends a request as the client `client` (via `X-Forwarded-For`; the test runs behind a "trusted proxy",
        /// 127.0.0.1), checks the status and that the response is documented.
        func send(_ method: String, _ path: String, json: Any? = nil, body: [UInt8]? = nil, token: String? = nil,
                  client: String? = nil, expect status: Int, sourceLocation: SourceLocation = #_sourceLocation)
            async throws -> TestHTTP.Response
        {
            var headers: [(String, String)] = token.map { [("Authorization", "Bearer \($0)")] } ?? []
            if let client { headers.append(("X-Forwarded-For", client)) }
            var bytes = body
            if let json { bytes = Array(try JSONSerialization.data(withJSONObject: json)) }
            if bytes != nil { headers.append(("Content-Type", "application/json")) }
            let response = try await TestHTTP.send(method, base + path, headers: headers, body: bytes)
            #expect(response.status == status, "\(method) \(path): \(response.text)", sourceLocation: sourceLocation)
            do {
                try validator.validate(method: method, path: path, response: response)
            } catch {
                Issue.record("\(method) \(path) → \(response.status) does not match /openapi.json: \(error)",
                             sourceLocation: sourceLocation)
            }
            return response
        }
    }

    static func feedback(_ message: String, category: String = "exam", reference: String? = nil) -> [String: Any] {
        var body: [String: Any] = ["category": category, "message": message]
        if let reference { body["reference"] = reference }
        return body
    }

    static func fields(_ response: TestHTTP.Response) -> [String] {
        ((response.json["errors"] as? [[String: Any]]) ?? []).compactMap { $0["field"] as? String }
    }

    static func ids(_ response: TestHTTP.Response) -> [String] {
        ((response.json["items"] as? [[String: Any]]) ?? []).compactMap { $0["feedbackId"] as? String }
    }

    @Test func submitLimitModerateAnswerAndPublish() async throws {
        guard let brokers = TestEnvironment.kafkaBrokers() else {
            try TestEnvironment.skipUnlessCI(missing: TestEnvironment.kafkaBrokersVariable)
            return
        }
        let prefix = ServiceEnvironments.uniquePrefix()
        try await TestPostgres.withFreshDatabase { _, registrationURL in
            try await TestPostgres.withFreshDatabase { announcementsDatabase, announcementsURL in
                let registration = try ServiceEnvironments.registration(
                    postgres: registrationURL, brokers: brokers, prefix: prefix)
                try await registration.start()
                let announcements = try ServiceEnvironments.announcements(
                    postgres: announcementsURL, brokers: brokers, prefix: prefix, registration: registration.baseURL,
                    extra: [
                        "ASN_HTTP_TRUSTED_PROXIES": "127.0.0.1",
                        "ASN_ANNOUNCEMENTS_FEEDBACK_BURST": "3",
                        "ASN_ANNOUNCEMENTS_FEEDBACK_MAX_BODY_BYTES": "4096",
                    ])
                do {
                    try await announcements.start()
                    try await exercise(registration: registration.baseURL, announcements: announcements.baseURL,
                                       database: announcementsDatabase)
                    #expect(!announcements.log().contains(Self.nik), "the refused NIK reached the log")
                } catch {
                    await announcements.stop()
                    await registration.stop()
                    throw error
                }
                await announcements.stop()
                await registration.stop()
                #expect(announcements.terminationStatus == 0, "announcements did not shut down cleanly")
            }
        }
    }

    func exercise(registration: String, announcements: String, database: PostgresClient) async throws {
        let document = try await TestHTTP.get("\(announcements)/openapi.json")
        #expect(document.status == 200)
        let api = API(validator: try OpenAPIValidator(documentData: Data(document.body)), base: announcements)
        let journey = RegistrationJourney(baseURL: registration)
        let admin = try await ServiceEnvironments.adminToken(on: registration)
        let officers = VerificationJourney(baseURL: announcements, registration: journey)
        let announcer = try await officers.officer("Humas Pengumuman", roles: ["announcer"], adminToken: admin)
        let verifier = try await officers.officer("Verifikator Umpan", roles: ["verifier"], adminToken: admin)

        // Submit and look it up with the tracking code.
        let first = try await api.send(
            "POST", "/v1/feedback",
            json: Self.feedback("Skor langsung di kanal daring tertinggal sepuluh menit dari layar di lokasi.",
                                reference: "Sesi 2, Politeknik Negeri Kupang"),
            client: "198.51.100.10", expect: 201)
        let firstId = try #require(first.json["feedbackId"] as? String)
        let firstCode = try #require(first.json["trackingCode"] as? String)
        #expect(first.json["state"] as? String == "received")
        let tracked = try await api.send("GET", "/v1/feedback/\(firstCode.lowercased())", expect: 200)
        #expect(tracked.json["state"] as? String == "received" && tracked.json["isListed"] as? Bool == false)
        _ = try await api.send("GET", "/v1/feedback/FB-2222-3333-4444", expect: 404)
        _ = try await api.send("GET", "/v1/feedback/not-a-code", expect: 400)

        // Bad input: personal data, oversize, out of limits, unknown category, not JSON.
        let personal = try await api.send(
            "POST", "/v1/feedback",
            json: Self.feedback("NIK saya \(Self.nik) belum terverifikasi, mohon dicek segera."),
            client: "198.51.100.20", expect: 422)
        #expect(personal.json["type"] as? String == "/problems/personal-data")
        #expect(Self.fields(personal) == ["message"])
        #expect(!personal.text.contains(Self.nik))
        let contact = try await api.send(
            "POST", "/v1/feedback",
            json: Self.feedback("Tolong hubungi saya kembali soal jadwal ujian.", reference: "WA 0812-3456-7890"),
            client: "198.51.100.20", expect: 422)
        #expect(Self.fields(contact) == ["reference"])
        let oversize = try await api.send(
            "POST", "/v1/feedback", json: Self.feedback(String(repeating: "panjang ", count: 700)),
            client: "198.51.100.30", expect: 413)
        #expect(oversize.json["type"] as? String == "/problems/payload-too-large")
        let short = try await api.send("POST", "/v1/feedback", json: Self.feedback("  pendek  "),
                                       client: "198.51.100.30", expect: 422)
        #expect(Self.fields(short) == ["message"])
        let long = try await api.send("POST", "/v1/feedback", json: Self.feedback(String(repeating: "a", count: 2001)),
                                      client: "198.51.100.30", expect: 422)
        #expect(Self.fields(long) == ["message"])
        let category = try await api.send(
            "POST", "/v1/feedback", json: Self.feedback("Kategori ini tidak ada.", category: "gossip"),
            client: "198.51.100.30", expect: 400)
        #expect(Self.fields(category) == ["category"])
        _ = try await api.send("POST", "/v1/feedback", body: Array("{\"message\":".utf8), client: "198.51.100.30",
                               expect: 400)

        // Flooding: three per client (the refusals above cost nothing), then 429 with Retry-After; others unaffected.
        var flood: [String] = []
        for index in 1...3 {
            let accepted = try await api.send(
                "POST", "/v1/feedback",
                json: Self.feedback("Masukan nomor \(index) tentang antrean di lokasi tes.", category: "other"),
                client: "198.51.100.40", expect: 201)
            flood.append(try #require(accepted.json["feedbackId"] as? String))
        }
        let limited = try await api.send(
            "POST", "/v1/feedback", json: Self.feedback("Masukan keempat yang sudah terlalu banyak."),
            client: "198.51.100.40", expect: 429)
        #expect(limited.json["type"] as? String == "/problems/rate-limited")
        let retryAfter = Int(limited.header("Retry-After") ?? "") ?? 0
        #expect(retryAfter >= 1 && retryAfter <= 200, "one feedback refills in 200 s (3 per 600 s)")
        // The proxy's own hop list decides: a forged left-most entry does not give the flooder a new budget.
        _ = try await api.send("POST", "/v1/feedback", json: Self.feedback("Masukan dengan alamat palsu di depan."),
                               client: "203.0.113.99, 198.51.100.40", expect: 429)
        _ = try await api.send("POST", "/v1/feedback", json: Self.feedback("Masukan dari klien lain tetap diterima."),
                               client: "198.51.100.41", expect: 201)

        // The moderation queue: announcers and administrators only, oldest first.
        _ = try await api.send("GET", "/internal/v1/feedback", expect: 401)
        _ = try await api.send("GET", "/internal/v1/feedback", token: verifier.token, expect: 403)
        let queue = try await api.send("GET", "/internal/v1/feedback?state=received", token: announcer.token,
                                       expect: 200)
        #expect(Array(Self.ids(queue).prefix(4)) == [firstId] + flood)
        #expect(Self.ids(queue).count == 5)
        let firstPage = try await api.send("GET", "/internal/v1/feedback?limit=2", token: admin, expect: 200)
        let next = try #require(firstPage.json["nextCursor"] as? String)
        let secondPage = try await api.send("GET", "/internal/v1/feedback?limit=2&cursor=\(next)", token: admin,
                                            expect: 200)
        #expect(Self.ids(firstPage) + Self.ids(secondPage) == Array(Self.ids(queue).prefix(4)))
        _ = try await api.send("GET", "/internal/v1/feedback?state=lost", token: announcer.token, expect: 400)

        // Moderation and answers.
        let publish = ["state": "published"]
        _ = try await api.send("POST", "/internal/v1/feedback/\(firstId)/moderation", json: publish, expect: 401)
        _ = try await api.send("POST", "/internal/v1/feedback/\(firstId)/moderation", json: publish,
                               token: verifier.token, expect: 403)
        _ = try await api.send("POST", "/internal/v1/feedback/\(UUID().uuidString)/moderation", json: publish,
                               token: announcer.token, expect: 404)
        let published = try await api.send("POST", "/internal/v1/feedback/\(firstId)/moderation", json: publish,
                                            token: announcer.token, expect: 200)
        #expect(published.json["state"] as? String == "published" && published.json["isListed"] as? Bool == true)
        _ = try await api.send("POST", "/internal/v1/feedback/\(firstId)/moderation",
                               json: ["state": "rejected", "publicReason": "Berubah pikiran."],
                               token: announcer.token, expect: 409)
        _ = try await api.send("POST", "/internal/v1/feedback/\(flood[0])/moderation", json: ["state": "rejected"],
                               token: announcer.token, expect: 422)
        _ = try await api.send("POST", "/internal/v1/feedback/\(flood[0])/moderation",
                               json: ["state": "rejected", "publicReason": "Duplikat dari masukan lain."],
                               token: announcer.token, expect: 200)
        _ = try await api.send("POST", "/internal/v1/feedback/\(flood[0])/answer",
                               json: ["answer": "Terima kasih.", "isPublic": true], token: announcer.token, expect: 409)
        let answer = "Tayangan daring tertunda beberapa menit; skor resmi adalah yang tercatat di log transparansi."
        _ = try await api.send("POST", "/internal/v1/feedback/\(firstId)/answer",
                               json: ["answer": answer, "isPublic": true], token: verifier.token, expect: 403)
        let answered = try await api.send("POST", "/internal/v1/feedback/\(firstId)/answer",
                                          json: ["answer": answer, "isPublic": true], token: announcer.token,
                                          expect: 200)
        #expect(answered.json["state"] as? String == "answered")
        _ = try await api.send("POST", "/internal/v1/feedback/\(flood[1])/answer",
                               json: ["answer": "Sudah kami teruskan ke panitia lokasi.", "isPublic": false],
                               token: admin, expect: 200)

        // The public list: the answered feedback with its answer; nothing rejected or privately answered.
        let list = try await api.send("GET", "/v1/feedback", expect: 200)
        #expect(Self.ids(list) == [firstId])
        let item = try #require((list.json["items"] as? [[String: Any]])?.first)
        #expect(item["answer"] as? String == answer)
        _ = try await api.send("GET", "/v1/feedback?category=other", expect: 200)
        _ = try await api.send("GET", "/v1/feedback?category=gossip", expect: 400)
        _ = try await api.send("GET", "/v1/feedback?cursor=abc", expect: 400)
        let otherCategory = try await api.send("GET", "/v1/feedback?category=results&limit=1", expect: 200)
        #expect(Self.ids(otherCategory).isEmpty)

        // The sender's view of each outcome.
        let mine = try await api.send("GET", "/v1/feedback/\(firstCode)", expect: 200)
        #expect(mine.json["state"] as? String == "answered" && mine.json["answer"] as? String == answer)

        // Every state change went through the event store and out through the outbox to the broker.
        let deadline = ContinuousClock.now + .seconds(30)
        var counts: [String: Int] = [:]
        var unpublished = -1
        while ContinuousClock.now < deadline {
            counts = [:]
            let rows = try await database.query(
                """
                SELECT e.type, count(*)::int, count(o.position)::int
                FROM events e LEFT JOIN outbox o ON o.position = e.position
                WHERE e.stream_id LIKE 'feedback-%' GROUP BY e.type
                """, logger: TestPostgres.logger)
            unpublished = 0
            for try await (type, count, waiting) in rows.decode((String, Int, Int).self) {
                counts[type] = count
                unpublished += waiting
            }
            if unpublished == 0 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(counts == [
            "asn.announcement.feedback-received.v1": 5,
            "asn.announcement.feedback-moderated.v1": 2,
            "asn.announcement.feedback-answered.v1": 2,
        ])
        #expect(unpublished == 0, "the outbox relay published every feedback event")
        let leaked = try await database.query(
            "SELECT count(*)::int FROM events WHERE payload::text LIKE \("%" + Self.nik + "%")",
            logger: TestPostgres.logger)
        for try await count in leaked.decode(Int.self) { #expect(count == 0) }
    }
}
