extension Array where Element == UInt8 {
    /// Like `withUnsafeBytes`, but never with a nil base address: librdkafka reads a NULL pointer as a
    /// *null* key, value or header, so an empty array must still pass a (zero-length) non-NULL pointer.
    func withNonNullBytes<R>(_ body: (UnsafeRawPointer, Int) -> R) -> R {
        withUnsafeBytes { bytes in
            if let base = bytes.baseAddress { return body(base, bytes.count) }
            return Swift.withUnsafeBytes(of: UInt8(0)) { body($0.baseAddress!, 0) }
        }
    }
}
