public import Foundation

/// The objection period (masa sanggah) opened by an administrative result announcement (DOMAIN §1.5): 3 calendar days
/// after the announcement; answers are due within 7 calendar days after the window closes.
public struct ObjectionWindow: Sendable, Hashable, Codable {
    /// When objections may first be filed (UTC).
    public var opensAt: Date
    /// When the window closes (UTC).
    public var closesAt: Date
    /// When the agency must have announced its answers (UTC).
    public var answersDueAt: Date

    /// Creates the value; each parameter is the property of the same name.
    public init(opensAt: Date, closesAt: Date, answersDueAt: Date) {
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.answersDueAt = answersDueAt
    }
}
