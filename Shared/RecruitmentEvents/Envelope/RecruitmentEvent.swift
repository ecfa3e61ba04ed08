/// A versioned domain event of the recruitment suite.
///
/// Every event type is a plain Codable value whose ``eventType`` ends in its version (`….v1`) and whose Swift name
/// ends in the same version (`…V1`). Adding an optional field keeps the version; any other change is a new type with
/// a new version plus an upcaster in ``EventRegistry``. Every type is listed once in ``EventRegistry/standard``.
///
/// Personal data rule (ARCHITECTURE §4): no event carries a NIK, KK number, birth date, e-mail address, phone
/// number, password or document bytes. Applicants are referred to by an opaque applicant id; names and registration
/// numbers may travel because they are published in official announcements anyway.
///
/// UUIDs are written by Foundation's JSON coding in the payload (uppercase) and lowercase in partition keys, subjects
/// and `ce_id` (RFC 9562 form); compare them as UUIDs, not as strings.
public protocol RecruitmentEvent: Codable, Sendable, Equatable {
    /// The CloudEvents `type`, e.g. `asn.registration.application-submitted.v1`.
    static var eventType: String { get }
    /// The topic the event is published on (the producing context).
    static var topic: RecruitmentTopic { get }
    /// A realistic sample value (Kupang flavoured), used by the tests, the generated JSON Schemas (`examples`) and
    /// the documentation.
    static var example: Self { get }
    /// The Kafka message key: events with the same key stay ordered (usually the application id).
    var partitionKey: String { get }
    /// The CloudEvents `subject`: what the event is about, e.g. `application/6f1c…`.
    var subject: String { get }
}
