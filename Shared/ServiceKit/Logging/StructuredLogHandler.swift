import Foundation
import RecruitmentEvents
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

    /// One JSON object with sorted keys, rendered by the suite's deterministic JSON writer (``EventJSON``): a log line
    /// per request must not cost a `JSONSerialization` round trip through `[String: Any]`.
    private func jsonLine(event: LogEvent, metadata: Logger.Metadata) -> String {
        var fields: [String: EventJSON] = [
            "time": .string(LogTimestamp.now()),
            "level": .string(event.level.rawValue),
            "logger": .string(label),
            "message": .string(PersonalDataMask.apply(event.message.description)),
        ]
        for (key, value) in metadata { fields[key] = Self.jsonValue(value) }
        return EventJSON.object(fields).text()
    }

    /// A metadata value as JSON, every string masked (``PersonalDataMask``).
    static func jsonValue(_ value: Logger.Metadata.Value) -> EventJSON {
        switch value {
        case .string(let string): .string(PersonalDataMask.apply(string))
        case .stringConvertible(let convertible): .string(PersonalDataMask.apply(convertible.description))
        case .array(let array): .array(array.map(jsonValue))
        case .dictionary(let dictionary): .object(dictionary.mapValues(jsonValue))
        }
    }

    private func textLine(event: LogEvent, metadata: Logger.Metadata) -> String {
        let rendered = metadata.sorted { $0.key < $1.key }
            .map { "\($0.key)=\(PersonalDataMask.apply($0.value.description))" }
            .joined(separator: " ")
        return "\(LogTimestamp.now()) \(event.level.rawValue.uppercased()) \(label): "
            + PersonalDataMask.apply(event.message.description) + (rendered.isEmpty ? "" : " " + rendered)
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
    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` in UTC.
    static func now() -> String { format(Date.now) }

    static func format(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(parts.tm_year + 1900, 4) + "-" + pad(parts.tm_mon + 1, 2) + "-" + pad(parts.tm_mday, 2) + "T"
            + pad(parts.tm_hour, 2) + ":" + pad(parts.tm_min, 2) + ":" + pad(parts.tm_sec, 2) + "."
            + pad(Int32(milliseconds % 1000), 3) + "Z"
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
