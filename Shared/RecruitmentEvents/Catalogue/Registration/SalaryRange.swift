/// The salary range printed in the formation announcement (DOMAIN §1.1), in whole units of `currency`.
public struct SalaryRange: Sendable, Hashable, Codable {
    /// ISO 4217 currency code, `IDR`.
    public var currency: String
    /// Lowest amount.
    public var minimum: Int64
    /// Highest amount.
    public var maximum: Int64

    /// Creates the value; each parameter is the property of the same name.
    public init(currency: String, minimum: Int64, maximum: Int64) {
        self.currency = currency
        self.minimum = minimum
        self.maximum = maximum
    }
}
