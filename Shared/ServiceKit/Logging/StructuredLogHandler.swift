import Foundation
public import Logging

/// A log handler that writes one line per entry to standard output, as JSON (for log shippers) or text.
///
/// As a last line of defence for personal data, every run of 16 digits (the shape of a NIK or KK number) in a message
/// or metadata value is masked before it is written. Code must still never log personal data in the first place.
public struct StructuredLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let format: ServiceConfiguration.LogFormat

    public init(label: String, level: Logger.Level, format: ServiceConfiguration.LogFormat,
                metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.logLevel = level
        self.format = format
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        if let error = event.error { merged["error"] = .string(String(describing: error)) }
        let line: String
        switch format {
        case .json: line = jsonLine(event: event, metadata: merged)
        case .text: line = textLine(event: event, metadata: merged)
        }
        LogOutput.shared.write(line + "\n")
    }

    private func jsonLine(event: LogEvent, metadata: Logger.Metadata) -> String {
        var object: [String: Any] = [
            "time": LogTimestamp.now(),
            "level": event.level.rawValue,
            "logger": label,
            "message": PersonalDataMask.apply(event.message.description),
        ]
        for (key, value) in metadata {
            object[key] = Self.jsonValue(value)
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            return #"{"level":"error","message":"unencodable log entry"}"#
        }
        return String(decoding: data, as: UTF8.self)
    }

    private func textLine(event: LogEvent, metadata: Logger.Metadata) -> String {
        let rendered = metadata.sorted { $0.key < $1.key }
            .map { "\($0.key)=\(PersonalDataMask.apply($0.value.description))" }
            .joined(separator: " ")
        return "\(LogTimestamp.now()) \(event.level.rawValue.uppercased()) \(label): "
            + PersonalDataMask.apply(event.message.description) + (rendered.isEmpty ? "" : " " + rendered)
    }

    private static func jsonValue(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let string): PersonalDataMask.apply(string)
        case .stringConvertible(let convertible): PersonalDataMask.apply(convertible.description)
        case .array(let array): array.map(jsonValue)
        case .dictionary(let dictionary): dictionary.mapValues(jsonValue)
        }
    }
}

/// Serialises writes of whole lines to standard output.
final class LogOutput: @unchecked Sendable {
    static let shared = LogOutput()
    private let lock = NSLock()

    func write(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardOutput.write(Data(line.utf8))
    }
}

enum LogTimestamp {
    static func now() -> String {
        Date.now.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

/// Masks runs of exactly 16 digits, the shape of NIK and KK numbers.
enum PersonalDataMask {
    static let replacement = "[redacted-16-digits]"

    static func apply(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var runs: [Range<Int>] = []
        var start: Int?
        for index in 0...bytes.count {
            let isDigit = index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39
            if isDigit {
                if start == nil { start = index }
            } else if let runStart = start {
                if index - runStart == 16 { runs.append(runStart..<index) }
                start = nil
            }
        }
        guard !runs.isEmpty else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        for run in runs {
            output.append(contentsOf: bytes[cursor..<run.lowerBound])
            output.append(contentsOf: replacement.utf8)
            cursor = run.upperBound
        }
        output.append(contentsOf: bytes[cursor...])
        return String(decoding: output, as: UTF8.self)
    }
}
