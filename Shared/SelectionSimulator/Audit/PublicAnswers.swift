import Foundation
import TransparencyLog

/// The public endpoints as an outsider reads them (no token), every answer scanned for the planned applicants'
/// personal data as it arrives.
struct PublicAnswers: Sendable {
    let client: SuiteClient
    let scanner: PersonalDataScanner
    /// Where personal data found in an answer is reported.
    let findings: AuditFindings

    /// `GET url` without a token, requiring one of `expected`; scans the body.
    @discardableResult
    func get(_ url: String, stage: String, step: String, status expected: [Int] = [200]) async throws -> APIResponse {
        let response = try await client.send("GET", url, stage: stage)
        inspect(response, step: step)
        guard expected.contains(response.status) else {
            throw SimulationError.unexpectedStatus(step: step, expected: expected, status: response.status,
                                                   body: response.text)
        }
        return response
    }

    /// Reports any planned applicant's personal data in `response`.
    func inspect(_ response: APIResponse, step: String) {
        let found = scanner.findings(in: response.body)
        guard !found.isEmpty else { return }
        let listed = found.sorted { ($0.applicant, $0.field) < ($1.applicant, $1.field) }.prefix(3)
            .map(\.description).joined(separator: ", ")
        findings.add("\(step): the public answer contains \(listed)\(found.count > 3 ? " and \(found.count - 3) more" : "")")
    }

    /// Every item of a cursor-paginated list (`items`, `nextCursor`) at `url` (which may carry a query already).
    func allItems(_ url: String, limit: Int = 500, stage: String, step: String) async throws -> [[String: Any]] {
        var items: [[String: Any]] = []
        var cursor: String?
        repeat {
            let page = try await get(Self.page(url, limit: limit, cursor: cursor), stage: stage, step: step)
            items += page.items
            cursor = page.json["nextCursor"] as? String
        } while cursor != nil
        return items
    }

    /// A published announcement: its summary and record (parsed strictly, as committed) and all its rows.
    func announcement(_ id: String, baseURL: String, stage: String) async throws
        -> (summary: JSONValue, record: JSONValue, rows: [PublishedRow])
    {
        let step = "GET /v1/announcements/\(id)"
        var rows: [PublishedRow] = []
        var cursor: String?
        var summary: JSONValue = .null
        var record: JSONValue = .null
        repeat {
            let page = try await get(Self.page("\(baseURL)/v1/announcements/\(id)", limit: 1_000, cursor: cursor),
                                     stage: stage, step: step)
            let document: JSONValue
            do {
                document = try JSONParser.parse(page.body)
            } catch {
                throw SimulationError.malformedAnswer(step: step, detail: "not strict JSON: \(error)")
            }
            summary = document["announcement"] ?? .null
            record = document["record"] ?? .null
            guard case .array(let listed)? = document["rows"] else {
                throw SimulationError.malformedAnswer(step: step, detail: "no rows")
            }
            for value in listed {
                guard let row = PublishedRow(value) else {
                    throw SimulationError.malformedAnswer(step: step, detail: "a row without position, recordId, "
                        + "leafIndex or row")
                }
                rows.append(row)
            }
            cursor = document["nextCursor"]?.stringValue
        } while cursor != nil
        return (summary, record, rows)
    }

    static func page(_ url: String, limit: Int, cursor: String?) -> String {
        var query = "limit=\(limit)"
        if let cursor {
            query += "&cursor=" + (cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cursor)
        }
        return url + (url.contains("?") ? "&" : "?") + query
    }
}
