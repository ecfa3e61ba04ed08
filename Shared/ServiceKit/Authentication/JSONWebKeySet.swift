/// A JWKS document: `{"keys": [...]}` (RFC 7517 §5).
struct JSONWebKeySet: Codable, Sendable, Equatable {
    var keys: [JSONWebKey]
}
