public import Foundation

/// The one JSON configuration for event payloads (and for ``EventJSON`` documents).
///
/// - Object keys are sorted, `/` is not escaped: the same event always encodes to the same bytes.
/// - Instants (`Date`) are UTC ISO 8601 with milliseconds, e.g. `2024-09-10T16:59:00.000Z`; decoding also accepts
///   values without fractional seconds and with a `±HH:MM` offset (see ``EventTimestamp``).
/// - Calendar dates are ``CalendarDate`` (`YYYY-MM-DD`), exact decimals are ``ExactDecimal`` (JSON strings).
public enum EventCoding {
    /// A new encoder with the event configuration.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(EventTimestamp.string(from: date))
        }
        return encoder
    }

    /// A new decoder with the event configuration.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = EventTimestamp.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "Expected an ISO 8601 instant like 2024-09-10T16:59:00.000Z, got \"\(text)\"")
            }
            return date
        }
        return decoder
    }

    /// Shared instances for ``encode(_:)`` and ``decode(_:from:)`` (Foundation's coders are `Sendable` and keep no
    /// state between calls); never mutate them.
    private static let sharedEncoder = makeEncoder()
    private static let sharedDecoder = makeDecoder()

    /// Encodes `value` to JSON bytes; a ``PlainJSONWritable`` value writes them itself when it can.
    public static func encode(_ value: some Encodable) throws(EventCodingError) -> [UInt8] {
        if let writable = value as? any PlainJSONWritable, let bytes = writable.plainJSON(escapesSlashes: false) {
            return bytes
        }
        do {
            return Array(try sharedEncoder.encode(value))
        } catch {
            throw .encodingFailed(type: String(describing: type(of: value)), reason: String(describing: error))
        }
    }

    /// Decodes a `T` from JSON bytes.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(EventCodingError) -> T {
        do {
            return try sharedDecoder.decode(type, from: Data(bytes))
        } catch {
            throw .decodingFailed(type: String(describing: type), reason: EventCoding.describe(error))
        }
    }

    /// A short, single-line reason for a decoding failure (for dead-letter records): the coding path and the message.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                .joined(separator: ".")
            return path.isEmpty ? "(root)" : path
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "type mismatch at \(path(context)): expected \(type); \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "missing value at \(path(context)): expected \(type); \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "missing key \"\(key.stringValue)\" at \(path(context))"
        case .dataCorrupted(let context):
            return "invalid data at \(path(context)): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }
}
