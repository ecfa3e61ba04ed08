/// Splits the rows of a formation's ranking or final results over several events when there are many: one Kafka
/// message stays far below the broker's size limit (1 MB by default; a ranking row is about 300 bytes), so a formation
/// of 100,000 applicants publishes as 100 parts instead of one message the broker would refuse.
enum RowParts {
    /// Rows per event.
    static let rowsPerEvent = 1_000

    /// `rows` in consecutive parts of at most ``rowsPerEvent`` (one empty part for no rows).
    static func split<Row>(_ rows: [Row]) -> [[Row]] {
        guard rows.count > rowsPerEvent else { return [rows] }
        return stride(from: 0, to: rows.count, by: rowsPerEvent).map {
            Array(rows[$0..<min($0 + rowsPerEvent, rows.count)])
        }
    }
}
