/// One problem with submitted exam data: the field at fault, a stable code and a message an officer can act on.
///
/// `field` is a dotted path into the submitted document (`tkp`, `answers.tiu[12]`, `components[1].weightPercent`); for
/// an imported file it names the row and column (`rows[7].twk`, counting data rows from 1 as a spreadsheet shows them
/// after the header).
public struct ScoreIssue: Error, Hashable, Sendable {
    /// Where the problem is.
    public var field: String
    /// A stable, machine-readable code, e.g. `out-of-range`, `not-a-multiple-of-5`.
    public var code: String
    /// What is wrong, for people.
    public var message: String

    /// Creates the value; each parameter is the property of the same name.
    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}

/// Submitted exam data that breaks a scoring rule: every issue found, not only the first, so that an officer fixes a
/// sheet or a file in one pass. Nothing is recorded when it is thrown.
public struct ScoreValidationError: Error, Hashable, Sendable {
    /// The issues, in the order of the input.
    public var issues: [ScoreIssue]

    /// Creates the value; `issues` is never empty when thrown.
    public init(issues: [ScoreIssue]) {
        self.issues = issues
    }
}
