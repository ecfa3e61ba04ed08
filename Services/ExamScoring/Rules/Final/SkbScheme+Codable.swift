extension SkbScheme {
    private enum CodingKeys: String, CodingKey {
        case components
        case agency
    }

    /// Decodes `{"components": [...], "agency": "central"}` and checks it like ``validated(_:agency:)``; a scheme
    /// that breaks DOMAIN §1.7 fails to decode with every issue in the error's description.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let components = try container.decode([SkbSchemeComponent].self, forKey: .components)
        let agency = try container.decode(AgencyLevel.self, forKey: .agency)
        do {
            self = try SkbScheme.validated(components, agency: agency)
        } catch {
            let summary = error.issues.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: container.codingPath, debugDescription: "invalid SKB scheme: \(summary)"))
        }
    }

    /// Encodes `{"components": [...], "agency": "central"}`, CAT first.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(components, forKey: .components)
        try container.encode(agency, forKey: .agency)
    }
}
