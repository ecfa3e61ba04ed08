/// The header members a verifier looks at before it trusts anything else in a token.
struct JOSEHeader: Decodable, Sendable {
    /// The algorithm; only `EdDSA` is accepted.
    var alg: String?
    /// Which key signed the token.
    var kid: String?
    /// Extensions the verifier must understand (RFC 7515 §4.1.11); none are, so any makes the token unusable.
    var crit: [String]?
}
