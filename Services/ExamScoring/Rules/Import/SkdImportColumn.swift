/// A column of an SKD score file (see ``SkdScoreImport/parse(_:maximumRows:)``), in the order its issues are reported
/// within a row.
enum SkdImportColumn: Int, CaseIterable, Sendable {
    case participantNumber
    case status
    case twk
    case tiu
    case tkp
    case total

    /// The score columns, in the order their issues are reported.
    static let scores: [SkdImportColumn] = [.twk, .tiu, .tkp, .total]

    /// The name used in issue fields and in messages listing the columns.
    var name: String {
        switch self {
        case .participantNumber: "nomor_peserta"
        case .status: "keterangan"
        case .twk: "twk"
        case .tiu: "tiu"
        case .tkp: "tkp"
        case .total: "total"
        }
    }

    /// The lower-case header names that mean this column: the canonical name first.
    var headerNames: [String] {
        switch self {
        case .participantNumber: ["nomor_peserta", "no_peserta", "participant_number"]
        case .status: ["keterangan", "status"]
        case .twk, .tiu, .tkp, .total: [name]
        }
    }

    /// Whether a file without it is rejected.
    var isRequired: Bool {
        switch self {
        case .participantNumber, .twk, .tiu, .tkp: true
        case .status, .total: false
        }
    }

    /// How messages call the column's value.
    var label: String {
        switch self {
        case .participantNumber: "the participant number"
        case .status: "keterangan"
        case .twk, .tiu, .tkp: name.uppercased()
        case .total: "the total"
        }
    }

    /// The largest value the rules allow, for a score column.
    var maximum: Int {
        switch self {
        case .twk: SkdLayout.maximumTwk
        case .tiu: SkdLayout.maximumTiu
        case .tkp: SkdLayout.maximumTkp
        case .total: SkdLayout.maximumTotal
        case .participantNumber, .status: 0
        }
    }

    /// The column a header cell names, compared case-insensitively after trimming; nil for an unknown name.
    init?(headerName: String) {
        let lowered = headerName.lowercased()
        guard let column = Self.allCases.first(where: { $0.headerNames.contains(lowered) }) else { return nil }
        self = column
    }

    /// The issue field of this column's cell in data row `row`, e.g. `rows[7].twk`.
    func field(row: Int) -> String {
        "rows[\(row)].\(name)"
    }
}
