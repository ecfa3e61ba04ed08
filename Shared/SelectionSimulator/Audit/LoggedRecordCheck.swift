import TransparencyLog

/// What a record fetched from the transparency log must say, for something an announcement published: the
/// announcement's own record exactly as the announcement shows it, or a row's record naming the announcement, the
/// row's position and exactly the row as published.
enum LoggedRecordCheck: Sendable {
    case announcement(record: JSONValue)
    case row(announcementId: String, row: PublishedRow)

    /// Why `logged` is not what was published; nil when it is.
    func difference(_ logged: JSONValue) -> String? {
        switch self {
        case .announcement(let record):
            return logged == record ? nil : "the logged announcement record differs from the published one"
        case .row(let announcementId, let row):
            guard logged["type"]?.stringValue == "announcement-row" else {
                let type = logged["type"]?.stringValue ?? "record without type"
                return "the logged record of row \(row.position) is a \(type), not an announcement row"
            }
            guard logged["announcementId"]?.stringValue?.lowercased() == announcementId.lowercased() else {
                return "the logged record of row \(row.position) belongs to another announcement"
            }
            guard logged["position"]?.integerValue == Int64(row.position) else {
                return "the logged record of row \(row.position) is at position "
                    + "\(logged["position"]?.integerValue.map(String.init) ?? "none")"
            }
            guard logged["row"] == row.row else {
                return "the logged record of row \(row.position) says something else than the published row"
            }
            return nil
        }
    }
}
