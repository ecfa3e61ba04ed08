import PostgresNIO

/// SQLSTATE codes this module reacts to.
enum SQLState {
    static let uniqueViolation = "23505"
    static let invalidTextRepresentation = "22P02"
    /// Class 22: data exceptions (e.g. a payload that is not valid JSON).
    static let dataExceptionClass = "22"
}

extension PSQLError {
    /// The server's SQLSTATE, when the server reported the error.
    var sqlState: String? { serverInfo?[.sqlState] }

    /// The name of the violated constraint, when the server reported one.
    var constraintName: String? { serverInfo?[.constraintName] }

    /// The server's primary message, or a description of a client-side error.
    var serverMessage: String {
        if let message = serverInfo?[.message] {
            if let detail = serverInfo?[.detail] { return "\(message) (\(detail))" }
            return message
        }
        return String(describing: code)
    }
}

extension Error {
    /// This error as a `PSQLError`, looking inside `PostgresTransactionError` if need be.
    var asPSQLError: PSQLError? {
        if let error = self as? PSQLError { return error }
        if let error = self as? PostgresTransactionError {
            return (error.closureError ?? error.commitError ?? error.beginError)?.asPSQLError
        }
        return nil
    }

    /// The unique constraint this error violated, if it is a unique violation (looking inside transaction errors):
    /// how callers turn a lost race into a clean 409.
    public var violatedUniqueConstraint: String? {
        guard let error = asPSQLError, error.sqlState == SQLState.uniqueViolation else { return nil }
        return error.constraintName
    }

    /// A short human-readable description suitable for error messages.
    var briefDescription: String {
        asPSQLError?.serverMessage ?? String(describing: self)
    }
}
