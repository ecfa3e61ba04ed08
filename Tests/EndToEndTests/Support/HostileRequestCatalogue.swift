import Foundation
import SelectionSimulator
import SuiteHarness

/// The hand-written hostile requests of ``HostileInputTests``, against a ``SeededSuite``: what a generator from the
/// documents does not try. Each must be refused with a clear 4xx problem, naming the field at fault where it can.
struct HostileRequestCatalogue {
    var seeded: SeededSuite

    var registration: String { seeded.suite.registration.baseURL }
    var verification: String { seeded.suite.verification.baseURL }
    var exam: String { seeded.suite.exam.baseURL }
    var announcements: String { seeded.announcements }
    var officer: String { seeded.officerToken }
    var applicant: String { seeded.applicant.token }
    var application: String { seeded.applicant.applicationId }

    /// The default JSON body limit of every service (`ASN_MAX_JSON_BODY_BYTES`).
    static let jsonLimit = 65_536
    static let traversal = "%2e%2e%2f%2e%2e%2fetc%2fpasswd"
    static let encodedSlashes = "..%2F..%2F..%2Fetc%2Fpasswd"

    /// Every case, grouped by what it tries.
    var all: [HostileRequest] {
        oversize + nesting + encoding + disguisedFiles + traversal + nulCharacters + hugeNumbers + contentTypes
            + duplicateMembers
    }

    // MARK: Bodies

    /// A JSON body over the limit on one public and one protected operation of each service: 413 naming `body`.
    var oversize: [HostileRequest] {
        let padding = String(repeating: "a", count: Self.jsonLimit + 1)
        let body = Array(#"{"message":"\#(padding)","category":"registration"}"#.utf8)
        func tooLarge(_ name: String, _ url: String, token: String?) -> HostileRequest {
            .json(name, "POST", url, token: token, body: body, statuses: [413], field: "body",
                  problemType: "/problems/payload-too-large")
        }
        return [
            tooLarge("oversize sign-up", "\(registration)/v1/accounts", token: nil),
            tooLarge("oversize officer", "\(registration)/v1/admin/officers", token: officer),
            tooLarge("oversize decision", "\(verification)/v1/cases/\(UUID())/decision", token: officer),
            tooLarge("oversize session", "\(exam)/v1/sessions", token: officer),
            tooLarge("oversize feedback", "\(announcements)/v1/feedback", token: nil),
        ]
    }

    /// Deeply nested JSON: inside the limit a 400 naming `body`, beyond it a 413; never a crash.
    var nesting: [HostileRequest] {
        let arrays = Array(repeating: UInt8(ascii: "["), count: 60_000)
        // Feedback takes at most 16 KiB: 3,000 levels fit.
        let objects = Array(String(repeating: #"{"a":"#, count: 3_000).utf8)
        let huge = Array(repeating: UInt8(ascii: "["), count: 100_000)
        return [
            .json("60k nested arrays at login", "POST", "\(registration)/v1/auth/token", token: nil, body: arrays,
                  field: "body"),
            .json("3k nested objects as feedback", "POST", "\(announcements)/v1/feedback", token: nil,
                  body: objects, field: "body"),
            .json("60k nested arrays as a session", "POST", "\(exam)/v1/sessions", token: officer, body: arrays,
                  field: "body"),
            .json("100k nested arrays as a decision", "POST", "\(verification)/v1/cases/\(UUID())/decision",
                  token: officer, body: huge, statuses: [400, 413], field: "body"),
        ]
    }

    /// Invalid UTF-8 inside a JSON string: 400 naming `body` (the decoder cannot say more).
    var encoding: [HostileRequest] {
        let login = Array(#"{"username":""#.utf8) + [0xFF, 0xFE, 0xC3] + Array(#"","password":"x"}"#.utf8)
        let feedback = Array(#"{"category":"exam","message":"Pesan \#u{1F600} "#.utf8) + [0xED, 0xA0, 0x80]
            + Array(#" dengan surrogate"}"#.utf8)
        return [
            .json("invalid UTF-8 at login", "POST", "\(registration)/v1/auth/token", token: nil, body: login,
                  field: "body"),
            .json("an encoded surrogate in feedback", "POST", "\(announcements)/v1/feedback", token: nil,
                  body: feedback, field: "body"),
        ]
    }

    // MARK: Files

    /// Files whose content is not what their requirement accepts, whatever they are declared as: 415
    /// `document-format` naming `body`.
    var disguisedFiles: [HostileRequest] {
        let pdf = SampleDocuments.pdf("disguised")
        let jpeg = SampleDocuments.jpeg("disguised")
        let script = Array("<html><script>alert(1)</script></html>".utf8)
        let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + Array(repeating: 0, count: 64)
        func upload(_ name: String, _ bytes: [UInt8], as code: String, declared type: String) -> HostileRequest {
            HostileRequest(
                name: name, method: "PUT", url: "\(registration)/v1/applications/\(application)/documents/\(code)",
                headers: HostileRequest.bearer(applicant) + [("Content-Type", type)], body: bytes, statuses: [415],
                field: "body", problemType: "/problems/document-format")
        }
        return [
            upload("a PDF declared as the JPEG photo", pdf, as: "pas-foto", declared: "image/jpeg"),
            upload("a JPEG declared as the PDF diploma", jpeg, as: "ijazah", declared: "application/pdf"),
            upload("an HTML page declared as a PDF", script, as: "ijazah", declared: "application/pdf"),
            upload("an executable declared as a JPEG", elf, as: "ktp", declared: "image/jpeg"),
        ]
    }

    // MARK: Paths

    /// `..` in path segments, raw and percent-encoded, in ids, requirement codes and asset names: a 4xx, never a file.
    var traversal: [HostileRequest] {
        let any: Set<Int> = [400, 404, 422]
        return [
            .get("raw ../ after a period id", "\(registration)/v1/periods/../../../../etc/passwd", statuses: [404]),
            .get("encoded ../ as a period id", "\(registration)/v1/periods/\(Self.traversal)", field: "periodId"),
            .get("encoded ../ as an application id", "\(registration)/v1/applications/\(Self.encodedSlashes)",
                 token: applicant, field: "applicationId"),
            .get("encoded ../ as a requirement code",
                 "\(registration)/v1/applications/\(application)/documents/\(Self.traversal)", token: applicant,
                 statuses: any),
            HostileRequest(
                name: "upload to an encoded ../ requirement code", method: "PUT",
                url: "\(registration)/v1/applications/\(application)/documents/\(Self.encodedSlashes)",
                headers: HostileRequest.bearer(applicant) + [("Content-Type", "application/pdf")],
                body: SampleDocuments.pdf("traversal"), statuses: any),
            .get("encoded ../ as a document id",
                 "\(registration)/internal/v1/documents/\(Self.traversal)", token: officer, field: "documentId"),
            .get("encoded ../ as a case document",
                 "\(verification)/v1/cases/\(UUID())/documents/\(Self.encodedSlashes)", token: officer,
                 statuses: any),
            .get("encoded ../ as a session id",
                 "\(exam)/v1/sessions/\(Self.traversal)/roster", token: officer, field: "sessionId"),
            .get("raw ../ below the assets", "\(announcements)/assets/../../../../etc/passwd", statuses: [404]),
            .get("encoded ../ below the assets", "\(announcements)/assets/\(Self.encodedSlashes)", statuses: [404]),
            .get("encoded ../ as a log record", "\(announcements)/v1/log/records/\(Self.traversal)", statuses: any),
            .get("a NUL in a path segment", "\(registration)/v1/formations/%00", field: "formationId"),
        ]
    }

    // MARK: Strings and numbers

    /// `\u0000` in a string (PostgreSQL text cannot hold it): 400 naming the field, before anything is stored.
    var nulCharacters: [HostileRequest] {
        func nul(_ name: String, _ url: String, token: String?, _ body: String, field: String) -> HostileRequest {
            .json(name, "POST", url, token: token, body: Array(body.utf8), field: field)
        }
        return [
            nul("NUL in a login name", "\(registration)/v1/auth/token", token: nil,
                #"{"username":"admin\u0000@kupangkota.go.id","password":"Admin-Kupang-2026"}"#, field: "username"),
            nul("NUL in an officer's name", "\(registration)/v1/admin/officers", token: officer,
                #"{"email":"nul@kupangkota.go.id","displayName":"Nul\u0000Petugas","roles":["verifier"],"#
                    + #""password":"Petugas-Nul-Kupang-2026"}"#, field: "displayName"),
            nul("NUL in feedback", "\(announcements)/v1/feedback", token: nil,
                #"{"category":"exam","message":"Jadwal ujian\u0000 belum diumumkan di laman ini"}"#,
                field: "message"),
            nul("NUL in an exam package code", "\(exam)/v1/exam-packages", token: officer,
                #"{"periodId":"\#(seeded.suite.periodId)","code":"SKD\u0000A","answerKey":{}}"#, field: "code"),
            nul("NUL in a case return reason", "\(verification)/v1/cases/\(UUID())/return", token: officer,
                #"{"reason":"Mohon\u0000 periksa"}"#, field: "reason"),
        ]
    }

    /// Numbers no field can hold: a 400 problem. (Foundation's decoder reports an unrepresentable number, and a
    /// fraction for an integer, as invalid JSON without a coding path, so the problem names `body`, not the field.)
    var hugeNumbers: [HostileRequest] {
        func formation(quota: String) -> [UInt8] {
            var fields = TestApplicants.formation()
            fields["quota"] = 424_242
            let text = String(decoding: (try? JSONSerialization.data(withJSONObject: fields)) ?? Data(), as: UTF8.self)
            return Array(text.replacingOccurrences(of: "424242", with: quota).utf8)
        }
        let formations = "\(registration)/v1/admin/periods/\(seeded.suite.periodId)/formations"
        return [
            .json("a quota of 10^400", "POST", formations, token: officer, body: formation(quota: "1e400")),
            .json("a quota beyond Int64", "POST", formations, token: officer,
                  body: formation(quota: "92233720368547758070")),
            .json("a capacity of 10^999999", "POST", "\(exam)/v1/sessions", token: officer,
                  body: Array(#"{"periodId":"\#(seeded.suite.periodId)","stage":"SKD","site":{"name":"Kupang"},"#.utf8)
                      + Array(#""label":"Sesi","startsAt":"2026-12-01T08:00:00Z","capacity":1e999999}"#.utf8)),
        ]
    }

    // MARK: Media types and members

    /// A body in a media type the operation does not take: 415 naming `content-type`.
    var contentTypes: [HostileRequest] {
        let login = Array(#"{"username":"x","password":"y"}"#.utf8)
        return [
            .json("login as text/plain", "POST", "\(registration)/v1/auth/token", token: nil, body: login,
                  contentType: "text/plain", statuses: [415], field: "content-type"),
            .json("feedback as a form", "POST", "\(announcements)/v1/feedback", token: nil,
                  body: Array("category=exam&message=halo".utf8), contentType: "application/x-www-form-urlencoded",
                  statuses: [415], field: "content-type"),
            .json("a decision as XML", "POST", "\(verification)/v1/cases/\(UUID())/decision", token: officer,
                  body: Array("<decision/>".utf8), contentType: "application/xml", statuses: [415],
                  field: "content-type"),
            .json("an SKD import as JSON", "POST", "\(exam)/v1/skd-imports", token: officer, body: login,
                  statuses: [415], field: "content-type"),
        ]
    }

    /// A member given twice (which one counts would be up to the parser): 400 naming it.
    var duplicateMembers: [HostileRequest] {
        [
            .json("a login name given twice", "POST", "\(registration)/v1/auth/token", token: nil,
                  body: Array((#"{"username":"\#(TestApplicants.adminEmail)","username":"x","#
                      + #""password":"\#(TestApplicants.adminPassword)"}"#).utf8), field: "username"),
            .json("an officer's roles given twice", "POST", "\(registration)/v1/admin/officers", token: officer,
                  body: Array((#"{"email":"twice@kupangkota.go.id","displayName":"Dua Kali","roles":["verifier"],"#
                      + #""roles":["admin"],"password":"Petugas-Dua-Kupang-2026"}"#).utf8), field: "roles"),
            .json("a feedback category given twice", "POST", "\(announcements)/v1/feedback", token: nil,
                  body: Array(#"{"category":"exam","message":"Pesan yang cukup panjang","category":"results"}"#.utf8),
                  field: "category"),
        ]
    }
}
