import PostgresNIO

/// Tells database failures that pass (connection lost, server restarting, pool cannot connect) from those that
/// repeat (a constraint violated by the statement itself). Transient ones become 503 for clients and unlimited
/// retries for background work.
enum DatabaseFailure {
    /// The `PSQLError` inside `error`, unwrapping a `PostgresTransactionError`.
    static func psqlError(_ error: any Error) -> PSQLError? {
        if let psql = error as? PSQLError { return psql }
        if let transaction = error as? PostgresTransactionError {
            return (transaction.closureError ?? transaction.commitError ?? transaction.beginError).flatMap(psqlError)
        }
        return nil
    }

    /// Whether `error` means the database is (temporarily) unreachable or busy.
    static func isTransient(_ error: any Error) -> Bool {
        // A query that did not answer in time (see `answer(within:_:)`): most likely written to a connection that
        // closed a moment before, which PostgresNIO never answers.
        if error is DeadlineExceeded { return true }
        if isConnectionPoolFailure(error) { return true }
        guard let psql = psqlError(error) else { return false }
        switch psql.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed, .uncleanShutdown,
             .queryCancelled:
            return true
        case .server:
            // 08: connection exception, 40: serialization failure / deadlock, 53: insufficient resources,
            // 57: operator intervention (e.g. the server is shutting down).
            let state = psql.serverInfo?[.sqlState] ?? ""
            return ["08", "40", "53", "57"].contains(where: state.hasPrefix)
        default:
            return false
        }
    }

    /// PostgresNIO's pool reports "cannot create connections" (its circuit breaker) with an error type from an
    /// underscored module that is not public API; it is recognised by name.
    static func isConnectionPoolFailure(_ error: any Error) -> Bool {
        if let transaction = error as? PostgresTransactionError,
           let inner = transaction.closureError ?? transaction.beginError
        {
            return isConnectionPoolFailure(inner)
        }
        return String(reflecting: type(of: error)).hasSuffix("ConnectionPoolError")
    }
}
