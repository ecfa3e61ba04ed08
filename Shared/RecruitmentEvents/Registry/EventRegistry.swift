/// Maps CloudEvents `type` strings to Swift event types, and decodes envelopes into `any RecruitmentEvent`.
///
/// ``standard`` holds the whole catalogue. Unknown types and undecodable payloads are distinct errors
/// (``EventDecodingError``) so that consumers can dead-letter them with the reason and keep the partition flowing.
public struct EventRegistry: Sendable {
    private var typesByName: [String: any RecruitmentEvent.Type] = [:]
    private var upcastersBySource: [String: EventUpcaster] = [:]
    /// The registered types, in registration order.
    public private(set) var eventTypes: [any RecruitmentEvent.Type] = []

    /// The longest upcaster chain followed before giving up (guards against cycles).
    static let maximumUpcastSteps = 16

    /// A registry of `types` and `upcasters`; throws if a `type` string is used twice.
    public init(
        types: [any RecruitmentEvent.Type],
        upcasters: [EventUpcaster] = []
    ) throws(EventRegistryError) {
        for type in types { try register(type) }
        for upcaster in upcasters { try register(upcaster) }
    }

    /// Adds an event type.
    public mutating func register(_ type: any RecruitmentEvent.Type) throws(EventRegistryError) {
        let name = type.eventType
        guard typesByName[name] == nil else { throw .duplicateType(name) }
        guard upcastersBySource[name] == nil else { throw .upcasterShadowsRegisteredType(name) }
        typesByName[name] = type
        eventTypes.append(type)
    }

    /// Adds an upcaster from an older, unregistered type.
    public mutating func register(_ upcaster: EventUpcaster) throws(EventRegistryError) {
        guard typesByName[upcaster.sourceType] == nil else {
            throw .upcasterShadowsRegisteredType(upcaster.sourceType)
        }
        guard upcastersBySource[upcaster.sourceType] == nil else {
            throw .duplicateUpcaster(from: upcaster.sourceType)
        }
        upcastersBySource[upcaster.sourceType] = upcaster
    }

    /// The Swift type registered for a CloudEvents `type`, if any (upcasters not considered).
    public func eventType(named name: String) -> (any RecruitmentEvent.Type)? {
        typesByName[name]
    }

    /// The older types the registry can upcast, by source type.
    public var upcastableTypes: [String] { upcastersBySource.keys.sorted() }

    /// Decodes the envelope's payload into its registered type, upcasting older types first.
    public func decode(_ envelope: EventEnvelope) throws(EventDecodingError) -> any RecruitmentEvent {
        try decode(type: envelope.type, data: envelope.data)
    }

    /// Decodes a payload of CloudEvents type `type`, upcasting older types first.
    public func decode(type: String, data: [UInt8]) throws(EventDecodingError) -> any RecruitmentEvent {
        let (currentType, currentData) = try upcast(type: type, data: data)
        guard let eventType = typesByName[currentType] else { throw .unknownType(type) }
        return try EventRegistry.decode(eventType, from: currentData)
    }

    /// The envelope with its payload upcast to a registered type (unchanged if already registered); the id,
    /// stream position and other attributes are kept. Used to re-publish or store history in its current form.
    public func upcast(_ envelope: EventEnvelope) throws(EventDecodingError) -> EventEnvelope {
        let (type, data) = try upcast(type: envelope.type, data: envelope.data)
        var result = envelope
        result.type = type
        result.data = data
        return result
    }

    private func upcast(type: String, data: [UInt8]) throws(EventDecodingError) -> (type: String, data: [UInt8]) {
        var currentType = type
        var currentData = data
        var steps = 0
        while typesByName[currentType] == nil {
            guard let upcaster = upcastersBySource[currentType] else { throw .unknownType(currentType) }
            steps += 1
            guard steps <= EventRegistry.maximumUpcastSteps else {
                throw .upcastFailed(from: type, to: upcaster.targetType, reason: "upcaster chain too long or circular")
            }
            do {
                let document = try EventCoding.decode(EventJSON.self, from: currentData)
                currentData = try EventCoding.encode(try upcaster.transform(document))
            } catch {
                throw .upcastFailed(from: currentType, to: upcaster.targetType, reason: String(describing: error))
            }
            currentType = upcaster.targetType
        }
        return (currentType, currentData)
    }

    private static func decode<Event: RecruitmentEvent>(
        _ type: Event.Type,
        from data: [UInt8]
    ) throws(EventDecodingError) -> any RecruitmentEvent {
        do {
            return try EventCoding.decode(Event.self, from: data)
        } catch {
            throw .undecodablePayload(type: Event.eventType, reason: error.description)
        }
    }
}
