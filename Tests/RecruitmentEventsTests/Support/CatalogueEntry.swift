import RecruitmentEvents
import Testing

/// One catalogue type as a test argument (named after the Swift type in test reports).
struct CatalogueEntry: Sendable, CustomTestStringConvertible {
    let type: any RecruitmentEvent.Type

    var testDescription: String { String(describing: type) }

    /// Every type of the standard catalogue.
    static let all = EventRegistry.catalogue.map(CatalogueEntry.init)
}

/// Whether two events are the same type and equal.
func sameEvent(_ lhs: any RecruitmentEvent, _ rhs: any RecruitmentEvent) -> Bool {
    func compare<Event: RecruitmentEvent>(_ lhs: Event) -> Bool { (rhs as? Event) == lhs }
    return compare(lhs)
}

/// The example of `type` as an ``EventJSON`` document.
func exampleDocument(of type: any RecruitmentEvent.Type) throws -> EventJSON {
    func encode<Event: RecruitmentEvent>(_: Event.Type) throws -> [UInt8] { try EventCoding.encode(Event.example) }
    return try EventCoding.decode(EventJSON.self, from: try encode(type))
}
