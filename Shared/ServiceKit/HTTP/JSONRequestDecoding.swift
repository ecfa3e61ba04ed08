public import Foundation
public import Hummingbird

/// Strict JSON request decoding: the content type must be JSON, the body must fit the limit, no member may be given
/// twice and no string may hold NUL (``JSONBodyScreening``), and every decoding failure becomes a ``Problem`` that
/// names the field at fault.
public enum JSONRequestDecoding {
    /// The decoder for request bodies: ISO-8601 dates.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// The problem describing a `DecodingError`, with the failing field's path.
    public static func problem(for error: DecodingError) -> Problem {
        switch error {
        case .keyNotFound(let key, let context):
            let path = fieldPath(context.codingPath + [key])
            return .invalidField(path, code: "required", "\(path) is required")
        case .valueNotFound(_, let context):
            let path = fieldPath(context.codingPath)
            return .invalidField(path, code: "required", "\(path) must not be null")
        case .typeMismatch(let type, let context):
            let path = fieldPath(context.codingPath)
            return .invalidField(path, code: "type", "\(path) must be \(describe(type))")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return .invalidField("body", code: "malformed-json", "the body is not valid JSON (UTF-8)")
            }
            let path = fieldPath(context.codingPath)
            return .invalidField(path, code: "format", "\(path) has an invalid value: \(context.debugDescription)")
        @unknown default:
            return .invalidField("body", code: "invalid", "the body could not be decoded")
        }
    }

    /// Whether a `Content-Type` names JSON: `application/json` or a `+json` type, parameters (charset) allowed.
    static func isJSON(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first?
            .trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
    }

    static func fieldPath(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "body" }
        var result = ""
        for key in path {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type, is Decimal.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "a \(type)"
        }
    }
}

extension Request {
    /// Decodes a JSON body of at most `maxBytes`, or throws a ``Problem`` (415, 413 or 400 naming the field; 400 also for
    /// a duplicate member or a NUL character, see ``JSONBodyScreening``).
    public func decodeJSON<T: Decodable>(_ type: T.Type, maxBytes: Int) async throws -> T {
        try decode(T.self, from: try await collectJSONBody(maxBytes: maxBytes))
    }

    /// Like ``decodeJSON(_:maxBytes:)`` for a body whose every field is optional: an empty body decodes as `empty`
    /// (a client may send nothing to mean "the defaults").
    public func decodeJSON<T: Decodable>(_ type: T.Type, maxBytes: Int, whenEmpty empty: T) async throws -> T {
        let buffer = try await collectJSONBody(maxBytes: maxBytes)
        return buffer.readableBytes == 0 ? empty : try decode(T.self, from: buffer)
    }

    private func collectJSONBody(maxBytes: Int) async throws -> ByteBuffer {
        if let contentType = headers[.contentType], !JSONRequestDecoding.isJSON(contentType) {
            throw Problem.unsupportedMediaType(expected: "application/json")
        }
        var request = self
        do {
            return try await request.collectBody(upTo: maxBytes)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            // `collectBody(upTo:)` throws NIO's `NIOTooManyBytesError` (a 413 `HTTPResponseError`), not an `HTTPError`.
            throw Problem.payloadTooLarge(limit: maxBytes)
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws -> T {
        let bytes = Array(buffer.readableBytesView)
        if let issue = JSONBodyScreening.firstIssue(in: bytes) { throw Problem.validation([issue]) }
        do {
            return try JSONRequestDecoding.makeDecoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw JSONRequestDecoding.problem(for: error)
        }
    }
}
