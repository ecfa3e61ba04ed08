/// Turns the payload of an older event type into the payload of a newer one, so that consumers only ever see the
/// current type (ARCHITECTURE §4: anything but an added optional field is a new version plus an upcaster).
///
/// The transform works on the JSON document, not on Swift types, so the old Swift type can be deleted. Upcasters
/// chain: `….v0 → ….v1 → ….v2` is two upcasters.
public struct EventUpcaster: Sendable {
    /// The older CloudEvents `type` this upcaster reads, e.g. `asn.exam.skd-result-recorded.v0`.
    public let sourceType: String
    /// The CloudEvents `type` it produces (registered, or the source of another upcaster).
    public let targetType: String
    /// Rewrites one payload; throw to reject it (the event is then dead-lettered as
    /// ``EventDecodingError/upcastFailed(from:to:reason:)``).
    public let transform: @Sendable (EventJSON) throws -> EventJSON

    /// An upcaster from `sourceType` to `targetType`.
    public init(
        from sourceType: String,
        to targetType: String,
        transform: @escaping @Sendable (EventJSON) throws -> EventJSON
    ) {
        self.sourceType = sourceType
        self.targetType = targetType
        self.transform = transform
    }

    /// An upcaster from `sourceType` directly to the registered `target` event type.
    public init<Target: RecruitmentEvent>(
        from sourceType: String,
        to target: Target.Type,
        transform: @escaping @Sendable (EventJSON) throws -> EventJSON
    ) {
        self.init(from: sourceType, to: Target.eventType, transform: transform)
    }
}
