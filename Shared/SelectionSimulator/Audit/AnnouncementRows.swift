import TransparencyLog

/// One row of a published announcement as `GET /v1/announcements/{id}` lists it: its position, its own log record and
/// the row as published.
struct PublishedRow: Sendable {
    var position: Int
    var recordId: String
    var leafIndex: Int
    var row: JSONValue

    /// Reads a `rows[]` element of an announcement detail; nil when a field the contract promises is missing.
    init?(_ value: JSONValue) {
        guard let position = value["position"]?.integerValue, let recordId = value["recordId"]?.stringValue,
              let leaf = value["leafIndex"]?.integerValue, let row = value["row"]
        else { return nil }
        self.init(position: Int(position), recordId: recordId.lowercased(), leafIndex: Int(leaf), row: row)
    }

    init(position: Int, recordId: String, leafIndex: Int, row: JSONValue) {
        self.position = position
        self.recordId = recordId
        self.leafIndex = leafIndex
        self.row = row
    }

    var registrationNumber: String? { row["registrationNumber"]?.stringValue }
    var participantNumber: String? { row["participantNumber"]?.stringValue }
    /// The result code: `outcome` of an administrative row, `code` of an SKD or final row.
    var code: String? { row["outcome"]?.stringValue ?? row["code"]?.stringValue }
}

/// What one announcement must list for one application.
struct ExpectedRow: Sendable, Hashable {
    /// The applicant's index in the plan.
    var applicant: Int
    var registrationNumber: String
    /// The SKD participant number, when seated (SKD and final rows name it).
    var participantNumber: String?
    var code: String
}

/// Compares an announcement's rows with what the simulation expects: every expected application exactly once with its
/// code, and no other row. Messages name registration numbers and plan indexes (public), never personal data.
enum AnnouncementRowCheck {
    static func differences(published: [PublishedRow], expected: [ExpectedRow], label: String) -> [String] {
        var byRegistration: [String: ExpectedRow] = [:]
        var byParticipant: [String: ExpectedRow] = [:]
        for row in expected {
            byRegistration[row.registrationNumber] = row
            if let participant = row.participantNumber { byParticipant[participant] = row }
        }
        var differences: [String] = []
        var seen: [Int: Int] = [:]
        for row in published {
            let match = row.registrationNumber.flatMap { byRegistration[$0] }
                ?? row.participantNumber.flatMap { byParticipant[$0] }
            guard let match else {
                let who = row.registrationNumber.map { "registration \($0)" }
                    ?? row.participantNumber.map { "participant \($0)" } ?? "no number"
                differences.append("\(label): row \(row.position) (\(who)) is not an application the run expects there")
                continue
            }
            seen[match.applicant, default: 0] += 1
            if row.code != match.code {
                differences.append("\(label): applicant #\(match.applicant) (registration \(match.registrationNumber)) "
                    + "is published as \(row.code ?? "no code"), expected \(match.code)")
            }
        }
        for row in expected.sorted(by: { $0.applicant < $1.applicant }) {
            let times = seen[row.applicant] ?? 0
            if times == 0 {
                differences.append("\(label): applicant #\(row.applicant) (registration \(row.registrationNumber)) "
                    + "is missing")
            } else if times > 1 {
                differences.append("\(label): applicant #\(row.applicant) (registration \(row.registrationNumber)) "
                    + "appears \(times) times")
            }
        }
        return differences
    }

    /// The administrative outcome the public must see for `plan` in a publication of `round`: the initial verdict, or
    /// after objections (`after-objection`) MS also for an upheld objection.
    static func administrativeCode(_ plan: ApplicantPlan, round: String?) -> String {
        round == "after-objection" ? (plan.sitsSkd ? "MS" : "TMS") : plan.initialOutcome
    }
}
