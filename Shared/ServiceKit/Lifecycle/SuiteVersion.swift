/// The version of the suite, reported by `/info` and the `--version` flag of every executable.
public enum SuiteVersion {
    public static let current = "0.1.0"
}
