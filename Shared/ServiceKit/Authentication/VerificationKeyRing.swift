import JWTKit

/// One generation of verification keys: the keys by `kid` and a jwt-kit collection holding exactly those keys.
///
/// `JWTKeyCollection` is an actor, so it is filled once in a task that every verification awaits; a rotation
/// replaces the whole ring.
struct VerificationKeyRing: Sendable {
    let keys: [String: PublicSigningKey]
    let collection: Task<JWTKeyCollection, Never>

    /// The ring for `keys`; of keys sharing a `kid` the first wins.
    init(keys: [PublicSigningKey]) {
        var byId: [String: PublicSigningKey] = [:]
        for key in keys where byId[key.keyId] == nil { byId[key.keyId] = key }
        self.keys = byId
        let ordered = keys.filter { byId[$0.keyId] == $0 }
        self.collection = Task {
            let collection = JWTKeyCollection()
            for key in ordered {
                await collection.add(eddsa: key.eddsaKey, kid: JWKIdentifier(string: key.keyId))
            }
            return collection
        }
    }
}
