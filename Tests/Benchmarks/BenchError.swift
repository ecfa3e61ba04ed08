import Kafka

/// Why a benchmark could not produce its figures.
enum BenchError: Error, CustomStringConvertible {
    /// The broker did not acknowledge some records.
    case deliveryFailed(KafkaError, failed: Int)
    /// A service answered an HTTP call with an unexpected status.
    case unexpectedResponse(String, status: Int, body: String)
    /// Something did not happen within the time allowed.
    case timedOut(String)
    /// A query returned no row.
    case noRow(String)

    var description: String {
        switch self {
        case .deliveryFailed(let error, let failed): "\(failed) record(s) were not acknowledged; first error: \(error)"
        case .unexpectedResponse(let what, let status, let body): "\(what) answered \(status): \(body)"
        case .timedOut(let what): "timed out: \(what)"
        case .noRow(let query): "no row from \(query)"
        }
    }
}
