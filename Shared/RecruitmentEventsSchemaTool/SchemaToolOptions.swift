/// The command-line options of `recruitment-events-schema`.
struct SchemaToolOptions {
    /// A bad command line.
    struct UsageError: Error {
        let message: String
    }

    static let usage = "usage: recruitment-events-schema [--output <dir>] [--check]"

    var output = "Shared/RecruitmentEvents/Schemas"
    var check = false

    init(arguments: [String]) throws(UsageError) {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--output", "-o":
                guard let value = remaining.popFirst() else { throw UsageError(message: "--output needs a folder") }
                output = value
            case "--check":
                check = true
            case "--help", "-h":
                throw UsageError(message: "Writes one JSON Schema per event type plus index.json.")
            default:
                throw UsageError(message: "unknown argument \(argument)")
            }
        }
    }
}
