extension Duration {
    /// The duration in whole milliseconds (rounded down, clamped to `Int32` as librdkafka expects `int`).
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        let ms = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int(max(0, min(ms, Int64(Int32.max))))
    }

    /// The duration in milliseconds as a C `int` timeout.
    var timeoutMilliseconds: Int32 {
        Int32(milliseconds)
    }
}
