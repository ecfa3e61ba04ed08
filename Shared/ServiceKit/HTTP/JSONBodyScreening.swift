import Foundation

/// One pass over a JSON request body for what `JSONDecoder` lets through but a service must refuse:
///
/// - a member name given twice in one object (`{"roles": …, "roles": …}`): which value counts would be up to the
///   parser, so two components reading the same body could disagree;
/// - the NUL character (`\u0000`) in a string: PostgreSQL text cannot hold it, and no field of the suite needs it.
///
/// Both become a 400 problem naming the field. Bytes that are not well-formed JSON are left to the decoder, which
/// reports them (`malformed-json`); so is nesting deeper than ``maximumDepth``.
enum JSONBodyScreening {
    /// Deeper bodies are not screened (the decoder refuses them anyway).
    static let maximumDepth = 512

    /// The first duplicate member or NUL character in `bytes`, or `nil`.
    static func firstIssue(in bytes: [UInt8]) -> FieldIssue? {
        var scanner = Scanner(bytes: bytes)
        return scanner.run()
    }

    /// One open object or array and where in it the scan is.
    private struct Frame {
        var isObject: Bool
        /// Object: the member names seen so far and the current one; array: the current element's index.
        var names: Set<String> = []
        var name: String?
        var index = 0
        /// Object: whether the next string is a member name.
        var expectsName = true
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0
        var frames: [Frame] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run() -> FieldIssue? {
            while position < bytes.count {
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard frames.count < JSONBodyScreening.maximumDepth else { return nil }
                    frames.append(Frame(isObject: byte == UInt8(ascii: "{")))
                    position += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    guard !frames.isEmpty else { return nil }
                    frames.removeLast()
                    position += 1
                case UInt8(ascii: ","):
                    guard !frames.isEmpty else { return nil }
                    if frames[frames.count - 1].isObject {
                        frames[frames.count - 1].expectsName = true
                    } else {
                        frames[frames.count - 1].index += 1
                    }
                    position += 1
                case UInt8(ascii: ":"):
                    guard let last = frames.indices.last, frames[last].isObject else { return nil }
                    frames[last].expectsName = false
                    position += 1
                case UInt8(ascii: "\""):
                    guard let string = readString() else { return nil }
                    if let last = frames.indices.last, frames[last].isObject, frames[last].expectsName {
                        let name = string.decoded(from: bytes)
                        frames[last].name = name
                        if !frames[last].names.insert(name).inserted {
                            let field = path()
                            return FieldIssue(field: field, code: "duplicate-key",
                                              message: "\(field) is given more than once")
                        }
                        if string.hasNUL { return Self.nulIssue(path()) }
                    } else if string.hasNUL {
                        return Self.nulIssue(path())
                    }
                default:
                    position += 1
                }
            }
            return nil
        }

        static func nulIssue(_ field: String) -> FieldIssue {
            FieldIssue(field: field, code: "nul-character", message: "\(field) must not contain the NUL character")
        }

        /// The path of the current value, as ``JSONRequestDecoding`` names fields (`documents[0].type`; `body`).
        func path() -> String {
            var result = ""
            for frame in frames {
                if frame.isObject {
                    let name = frame.name ?? ""
                    result += result.isEmpty ? name : ".\(name)"
                } else {
                    result += "[\(frame.index)]"
                }
            }
            return result.isEmpty ? "body" : result
        }

        /// Reads the string starting at the opening quote at ``position``; `nil` when it is not terminated.
        mutating func readString() -> ScannedString? {
            let start = position
            var hasEscape = false
            var hasNUL = false
            position += 1
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\""):
                    position += 1
                    return ScannedString(range: start..<position, hasEscape: hasEscape, hasNUL: hasNUL)
                case UInt8(ascii: "\\"):
                    hasEscape = true
                    if isNULEscape(at: position) { hasNUL = true }
                    position += 2
                default:
                    position += 1
                }
            }
            return nil
        }

        /// Whether `\u0000` starts at `index`.
        func isNULEscape(at index: Int) -> Bool {
            guard index + 5 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else { return false }
            return bytes[(index + 2)...(index + 5)].allSatisfy { $0 == UInt8(ascii: "0") }
        }
    }

    /// A string token: its bytes including the quotes.
    private struct ScannedString {
        var range: Range<Int>
        var hasEscape: Bool
        var hasNUL: Bool

        /// The string's value (escapes resolved); the raw text when it cannot be decoded.
        func decoded(from bytes: [UInt8]) -> String {
            let token = bytes[range]
            if hasEscape, let value = try? JSONSerialization.jsonObject(
                with: Data(token), options: .fragmentsAllowed) as? String
            {
                return value
            }
            return String(decoding: token.dropFirst().dropLast(), as: UTF8.self)
        }
    }
}
