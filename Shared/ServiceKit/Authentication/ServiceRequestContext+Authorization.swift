extension ServiceRequestContext {
    /// The authenticated caller, or a 401 problem (``AuthenticationError/missingToken``).
    public func requireIdentity() throws(AuthenticationError) -> AuthenticatedIdentity {
        guard let identity else { throw .missingToken }
        return identity
    }

    /// The authenticated caller if it holds at least one of `roles`: 401 without an identity, 403 without any of
    /// the roles (also when `roles` is empty: nothing is allowed by default).
    public func requireRole(_ roles: Role...) throws(AuthenticationError) -> AuthenticatedIdentity {
        try requireRole(roles)
    }

    /// The authenticated caller if it holds at least one of `roles`: 401 without an identity, 403 without any
    /// of the roles (none when `roles` is empty).
    public func requireRole(_ roles: [Role]) throws(AuthenticationError) -> AuthenticatedIdentity {
        let identity = try requireIdentity()
        guard identity.hasAny(of: roles) else { throw .forbidden(required: roles) }
        return identity
    }
}
