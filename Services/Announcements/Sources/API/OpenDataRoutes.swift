import Foundation
import Hummingbird
import ServiceKit

/// Open data: per-formation statistics (applicants, MS/TMS, SKD outcomes, final outcomes) as JSON or CSV, for anyone
/// to download and analyse (`GET /v1/open-data/formations` and `/v1/open-data/formations.csv`).
struct OpenDataRoutes: Sendable {
    let store: PublicResultsStore

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/v1/open-data/formations") { request, _ in
            let items = try await store.statistics(ofPeriod: try request.uuidQueryParameter("periodId"))
            return JSONResponse(value: Page(items: items, nextCursor: nil))
        }
        router.get("/v1/open-data/formations.csv") { request, _ in
            let items = try await store.statistics(ofPeriod: try request.uuidQueryParameter("periodId"))
            var headers = HTTPFields()
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"formation-statistics.csv\""
            return Response(status: .ok, headers: headers,
                            body: ResponseBody(byteBuffer: ByteBuffer(string: FormationStatisticsCSV.render(items))))
        }
    }
}

/// RFC 4180 CSV of ``FormationStatistics``: a header row, CRLF line ends, fields quoted when they need it.
enum FormationStatisticsCSV {
    static let header = [
        "formation_id", "period_id", "position_name", "unit_name", "kind", "quota", "applicants", "withdrawn",
        "administrative_ms", "administrative_tms", "skd_passed_to_skb", "skd_below_passing_grade", "skd_absent",
        "skd_disqualified", "final_passed", "final_not_passed",
    ]

    static func render(_ rows: [FormationStatistics]) -> String {
        var lines = [header.joined(separator: ",")]
        for row in rows {
            let fields: [String] = [
                row.formationId.uuidString.lowercased(), row.periodId.uuidString.lowercased(), row.positionName,
                row.unitName, row.kind, "\(row.quota)", "\(row.applicants)", "\(row.withdrawn)",
                "\(row.administrativeMS)", "\(row.administrativeTMS)", "\(row.skdPassedToSkb)",
                "\(row.skdBelowPassingGrade)", "\(row.skdAbsent)", "\(row.skdDisqualified)", "\(row.finalPassed)",
                "\(row.finalNotPassed)",
            ]
            lines.append(fields.map(quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A field as RFC 4180 wants it; a leading `=`, `+`, `-` or `@` is prefixed with `'` so spreadsheets do not run
    /// it as a formula (names and posts come from outside).
    static func quoted(_ field: String) -> String {
        var value = field
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
