public import Foundation

extension UUID {
    /// The form of a UUID in partition keys, subjects, stream ids and URLs: lowercase, as RFC 9562 recommends.
    ///
    /// Formatted directly (not `uuidString.lowercased()`): services format several per event on their hottest paths.
    public var eventKey: String {
        String(unsafeUninitializedCapacity: 36) { writeText(into: $0, lowercase: true) }
    }

    /// Writes the 36 characters of the UUID's text into `buffer` (at least 36 bytes long); answers 36.
    func writeText(into buffer: UnsafeMutableBufferPointer<UInt8>, lowercase: Bool) -> Int {
        let digits: StaticString = lowercase ? "0123456789abcdef" : "0123456789ABCDEF"
        return withUnsafeBytes(of: uuid) { raw in
            var position = 0
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    buffer[position] = UInt8(ascii: "-")
                    position += 1
                }
                buffer[position] = digits.utf8Start[Int(byte >> 4)]
                buffer[position + 1] = digits.utf8Start[Int(byte & 0x0F)]
                position += 2
            }
            return position
        }
    }
}
