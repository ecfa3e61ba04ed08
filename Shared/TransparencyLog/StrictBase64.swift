import Foundation

/// Standard base64 (RFC 4648 §4, padded) that accepts only the canonical encoding of the bytes, so that no two
/// strings decode to the same bytes (a tampered signature or hash can never slip through as an alternate spelling).
public enum StrictBase64 {
    /// Encodes `bytes` as padded standard base64.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }

    /// Decodes `text` if it is the canonical padded standard base64 of some bytes; nil otherwise.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let string = String(text)
        guard string.utf8.count % 4 == 0, let data = Data(base64Encoded: string) else { return nil }
        guard data.base64EncodedString() == string else { return nil }
        return [UInt8](data)
    }
}

/// Lowercase hexadecimal.
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = value(utf8[index]), let low = value(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
