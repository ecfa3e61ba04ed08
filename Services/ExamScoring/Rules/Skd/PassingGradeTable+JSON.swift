public import Foundation
import RecruitmentEvents

extension PassingGradeTable {
    /// Reads passing-grade overrides from configuration (DOMAIN §2.1, §2.2), e.g.
    /// `{"2025": {"umum": {"twk": 65, "tiu": 80, "tkp": 166}, "cumlaude": {"total": 311, "tiu": 85}}}`.
    ///
    /// - Year keys are four digits, 2000–2100.
    /// - Kind keys are ``FormationKind`` raw values (`umum`, `putra-putri-papua`, …).
    /// - A grade sets at least one of `twk`, `tiu`, `tkp`, `total`, each an integer from 0 to its maximum in
    ///   ``SkdLayout`` (150, 175, 225, 550); a component left out has no minimum.
    ///
    /// Merge the result over ``defaults`` with ``merging(_:)``.
    ///
    /// - Throws: ``ScoreValidationError`` with every issue; fields are dotted paths such as `2025`, `2025.cumlaude`,
    ///   `2025.cumlaude.tiu`, or the empty string for the whole document. Codes: `invalid-json`, `not-an-object`,
    ///   `invalid-year`, `empty-table`, `unknown-formation-kind`, `empty-passing-grade`, `unknown-component`,
    ///   `not-an-integer`, `out-of-range`. Issues come in year, kind and key order (JSON objects have no order).
    public init(json: Data) throws(ScoreValidationError) {
        let document: EventJSON
        do {
            document = try EventCoding.decode(EventJSON.self, from: Array(json))
        } catch {
            throw ScoreValidationError(issues: [ScoreIssue(
                field: "", code: "invalid-json", message: "the passing grades are not valid JSON: \(error)")])
        }
        var parser = PassingGradeDocumentParser()
        let grades = parser.parse(document)
        guard parser.issues.isEmpty else { throw ScoreValidationError(issues: parser.issues) }
        self.init(grades: grades)
    }
}

/// Walks a passing-grade document, collecting every issue.
private struct PassingGradeDocumentParser {
    var issues: [ScoreIssue] = []

    private static let years = 2000...2100
    private static var components: [(key: String, maximum: Int, path: WritableKeyPath<SkdPassingGrade, Int?>)] {
        [
            ("twk", SkdLayout.maximumTwk, \.twk),
            ("tiu", SkdLayout.maximumTiu, \.tiu),
            ("tkp", SkdLayout.maximumTkp, \.tkp),
            ("total", SkdLayout.maximumTotal, \.total),
        ]
    }

    mutating func parse(_ document: EventJSON) -> [Int: [FormationKind: SkdPassingGrade]] {
        guard let years = object(document, field: "", what: "the passing-grade document") else { return [:] }
        var grades: [Int: [FormationKind: SkdPassingGrade]] = [:]
        for (key, value) in years.sorted(by: { $0.key < $1.key }) {
            let year = self.year(key)
            if year == nil {
                issue(key, "invalid-year", "a year key is four digits from 2000 to 2100, got \"\(key)\"")
            }
            guard let kinds = object(value, field: key, what: "the grades of a year") else { continue }
            if kinds.isEmpty {
                issue(key, "empty-table", "a year lists at least one formation kind")
            }
            var table: [FormationKind: SkdPassingGrade] = [:]
            for (kindKey, grade) in kinds.sorted(by: { $0.key < $1.key }) {
                let field = "\(key).\(kindKey)"
                let kind = FormationKind(rawValue: kindKey)
                if kind == nil {
                    let known = FormationKind.allCases.map(\.rawValue).joined(separator: ", ")
                    issue(field, "unknown-formation-kind", "\"\(kindKey)\" is not a formation kind (\(known))")
                }
                if let parsed = passingGrade(grade, field: field), let kind {
                    table[kind] = parsed
                }
            }
            if let year {
                grades[year] = table
            }
        }
        return grades
    }

    private mutating func passingGrade(_ value: EventJSON, field: String) -> SkdPassingGrade? {
        guard let members = object(value, field: field, what: "a passing grade") else { return nil }
        var grade = SkdPassingGrade()
        var valid = true
        for component in Self.components {
            guard let member = members[component.key] else { continue }
            let memberField = "\(field).\(component.key)"
            guard let number = member.integerValue else {
                issue(memberField, "not-an-integer", "a minimum is a whole number")
                valid = false
                continue
            }
            guard (0...Int64(component.maximum)).contains(number) else {
                issue(memberField, "out-of-range",
                      "\(component.key.uppercased()) minimum must be between 0 and \(component.maximum), got \(number)")
                valid = false
                continue
            }
            grade[keyPath: component.path] = Int(number)
        }
        let known = Set(Self.components.map(\.key))
        for key in members.keys.sorted() where !known.contains(key) {
            issue("\(field).\(key)", "unknown-component", "\"\(key)\" is not twk, tiu, tkp or total")
            valid = false
        }
        if !members.keys.contains(where: known.contains) {
            issue(field, "empty-passing-grade", "a passing grade sets at least one of twk, tiu, tkp, total")
            valid = false
        }
        return valid ? grade : nil
    }

    private func year(_ key: String) -> Int? {
        guard key.utf8.count == 4, key.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let year = Int(key), Self.years.contains(year)
        else { return nil }
        return year
    }

    private mutating func object(_ value: EventJSON, field: String, what: String) -> [String: EventJSON]? {
        guard let members = value.objectValue else {
            issue(field, "not-an-object", "\(what) must be a JSON object")
            return nil
        }
        return members
    }

    private mutating func issue(_ field: String, _ code: String, _ message: String) {
        issues.append(ScoreIssue(field: field, code: code, message: message))
    }
}
