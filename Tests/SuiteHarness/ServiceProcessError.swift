/// Why a ``ServiceProcess`` could not be started or did not become ready.
public enum ServiceProcessError: Error, CustomStringConvertible {
    /// The executable is not in the binary directory (path given).
    case missingExecutable(String)
    /// The process exited while we waited for it to become ready.
    case exited(String, status: Int32, log: String)
    /// The process did not answer `/health/ready` with 200 in time.
    case notReady(String, log: String)

    public var description: String {
        switch self {
        case .missingExecutable(let path):
            "\(path) is missing: build the products first (swift build), or point ASN_BIN_DIR at them"
        case .exited(let name, let status, let log): "\(name) exited with status \(status); log: \(log)"
        case .notReady(let name, let log): "\(name) did not become ready; log: \(log)"
        }
    }
}
