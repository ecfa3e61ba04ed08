import Foundation
import RecruitmentEvents
import TestSupport

/// Real catalogue events for the messaging tests: `ApplicationSubmittedV1` about one application per key.
enum EventFixtures {
    static let traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

    /// A submitted application with its own application id (the partition key).
    static func submitted(applicationId: UUID = UUID()) -> ApplicationSubmittedV1 {
        var event = ApplicationSubmittedV1.example
        event.applicationId = applicationId
        event.applicantId = UUID()
        return event
    }

    /// The stream of an application.
    static func stream(of applicationId: UUID) -> String { "application-\(applicationId.eventKey)" }

    /// An envelope as a service would append it (`streamVersion` is stamped by the event store on append).
    static func envelope(
        _ event: ApplicationSubmittedV1, version: Int64 = 1, id: UUID = UUID(), correlation: String = "corr-test"
    ) throws -> EventEnvelope {
        try EventEnvelope(
            event: event, streamId: stream(of: event.applicationId), streamVersion: version, id: id,
            correlationId: correlation, causationId: "cause-test", traceparent: traceparent)
    }
}

/// An error thrown on purpose by test closures.
struct InjectedFailure: Error, CustomStringConvertible {
    var description: String { "injected failure (test)" }
}
