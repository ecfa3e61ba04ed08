import EventStore
import Foundation
import PostgresNIO

/// Freezes a submitted application in the read model, in the very statement that appends its `ApplicationSubmittedV1`
/// (``ApplicationCommands/submit(_:applicantId:body:request:now:)``): the frozen submission is the event's own payload
/// (``EventStore/appendedPayload``).
struct FreezeSubmission: AppendAlongsideChange {
    static let name = "asn_registration_freeze_submission_v2"

    static let sql = """
        UPDATE applications
        SET status = 'submitted', registration_number = $1::text, submitted_at = $2::timestamptz,
            submission = \(EventStore.appendedPayload), stream_version = $3::bigint
        WHERE application_id = $4::uuid AND \(EventStore.whenAppended)
        """

    static let parameterCount = 4

    var registrationNumber: String
    var submittedAt: Date
    /// The application's stream version after the append.
    var streamVersion: Int64
    var applicationId: UUID

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: Self.parameterCount)
        bindings.append(registrationNumber)
        bindings.append(submittedAt)
        bindings.append(streamVersion)
        bindings.append(applicationId)
        return bindings
    }
}
