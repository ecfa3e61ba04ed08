extension PostgresConfiguration: CustomStringConvertible {
    /// The connection URL with the password redacted, safe to log.
    public var description: String {
        let credentials = password == nil ? username : "\(username):***"
        let location = unixSocketPath.map { "?host=\($0)" } ?? ""
        return "postgres://\(credentials)@\(host):\(port)/\(database)\(location) (sslmode=\(tlsMode.rawValue))"
    }
}
