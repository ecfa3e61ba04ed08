/// Splits an SQL script into statements.
///
/// PostgresNIO speaks only the extended query protocol, which runs one statement per query, so a migration script is
/// split at top-level semicolons. Semicolons inside single-quoted strings (including `E'…'` escapes), double-quoted
/// identifiers, dollar-quoted bodies (`$$…$$`, `$tag$…$tag$`), `--` comments and (nested) `/* */` comments do not
/// split. Statements consisting only of whitespace and comments are dropped.
enum SQLScript {
    static func statements(in script: String) -> [String] {
        let bytes = Array(script.utf8)
        var statements: [String] = []
        var start = 0
        var hasCode = false
        var index = 0

        func flush(upTo end: Int) {
            if hasCode {
                let text = String(decoding: bytes[start..<end], as: UTF8.self)
                statements.append(text.trimmingWhitespace())
            }
            hasCode = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: ";"):
                flush(upTo: index)
                index += 1
                start = index
            case UInt8(ascii: "-") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "-"):
                while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                var depth = 1
                index += 2
                while index < bytes.count && depth > 0 {
                    let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                    if bytes[index] == UInt8(ascii: "/"), next == UInt8(ascii: "*") {
                        depth += 1
                        index += 2
                    } else if bytes[index] == UInt8(ascii: "*"), next == UInt8(ascii: "/") {
                        depth -= 1
                        index += 2
                    } else {
                        index += 1
                    }
                }
            case UInt8(ascii: "'"):
                hasCode = true
                let escapes = index > 0 && (bytes[index - 1] | 0x20) == UInt8(ascii: "e")
                    && (index < 2 || !bytes[index - 2].isIdentifierByte)
                index += 1
                while index < bytes.count {
                    if escapes && bytes[index] == UInt8(ascii: "\\") {
                        index += 2
                        continue
                    }
                    if bytes[index] == UInt8(ascii: "'") {
                        if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "'") {
                            index += 2
                            continue
                        }
                        break
                    }
                    index += 1
                }
                index += 1
            case UInt8(ascii: "\""):
                hasCode = true
                index += 1
                while index < bytes.count && bytes[index] != UInt8(ascii: "\"") { index += 1 }
                index += 1
            case UInt8(ascii: "$"):
                hasCode = true
                if let tagEnd = dollarTagEnd(bytes, from: index), index == 0 || !bytes[index - 1].isIdentifierByte {
                    let tag = bytes[index...tagEnd]
                    index = tagEnd + 1
                    while index < bytes.count {
                        if bytes[index] == UInt8(ascii: "$"), bytes[index...].starts(with: tag) {
                            index += tag.count
                            break
                        }
                        index += 1
                    }
                } else {
                    index += 1
                }
            default:
                if !byte.isWhitespaceByte { hasCode = true }
                index += 1
            }
        }
        flush(upTo: min(index, bytes.count))
        return statements
    }

    /// The index of the closing `$` of a dollar-quote tag starting at `start` (`$$` or `$tag$`), if there is one.
    private static func dollarTagEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "$") { return index }
        guard bytes[index].isIdentifierStartByte else { return nil }
        while index < bytes.count && bytes[index].isIdentifierByte && bytes[index] != UInt8(ascii: "$") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "$") else { return nil }
        return index
    }
}

extension UInt8 {
    fileprivate var isWhitespaceByte: Bool {
        self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D || self == 0x0C
    }

    fileprivate var isIdentifierStartByte: Bool {
        (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) || self == 0x5F || self >= 0x80
    }

    fileprivate var isIdentifierByte: Bool {
        isIdentifierStartByte || (self >= 0x30 && self <= 0x39) || self == 0x24
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
