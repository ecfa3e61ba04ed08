import Foundation
import Kafka
import RecruitmentEvents
import SuiteHarness

/// Realistic `ApplicationSubmittedV1` records for the broker benchmarks: the catalogue example with fresh ids,
/// applicant names, registration numbers and documents, spread round-robin over a few formations of one period.
struct SubmittedApplications: Sendable {
    let topic: String
    let periodId = UUID()
    let formationIds: [UUID]

    init(topic: String, formations: Int) {
        self.topic = topic
        self.formationIds = (0..<formations).map { _ in UUID() }
    }

    /// The Kafka records of `count` submissions, in binary CloudEvents mode exactly as the outbox relay sends them.
    func messages(count: Int) throws -> [KafkaProducerMessage] {
        var messages: [KafkaProducerMessage] = []
        messages.reserveCapacity(count)
        for serial in 1...count {
            let envelope = try envelope(serial: serial)
            messages.append(KafkaProducerMessage(
                topic: topic, key: envelope.kafkaKey, value: envelope.data,
                headers: envelope.kafkaHeaders.map { KafkaHeader(name: $0.name, value: $0.value) }))
        }
        return messages
    }

    /// How many of `count` submissions go to each formation.
    func expectedCounts(of count: Int) -> [UUID: Int] {
        var counts: [UUID: Int] = [:]
        for serial in 1...count { counts[formationId(serial: serial), default: 0] += 1 }
        return counts
    }

    func formationId(serial: Int) -> UUID { formationIds[serial % formationIds.count] }

    /// The envelope of the `serial`-th submission: stream version 2 of a fresh applicant stream, as registration
    /// writes it after `ApplicantRegisteredV1`.
    func envelope(serial: Int) throws -> EventEnvelope {
        var event = ApplicationSubmittedV1.example
        event.applicationId = UUID()
        event.applicantId = UUID()
        event.periodId = periodId
        event.formationId = formationId(serial: serial)
        event.registrationNumber = Self.registrationNumber(sequence: serial)
        event.applicantName = TestApplicants.name(serial: serial)
        event.documents = event.documents.map { document in
            var copy = document
            copy.documentId = UUID()
            return copy
        }
        return try EventEnvelope(
            event: event, streamId: "applicant-\(event.applicantId.eventKey)", streamVersion: 2,
            correlationId: UUID().eventKey, causationId: UUID().eventKey)
    }

    /// `ASN-26-0000123-7`: the registration service's format, with its Luhn check digit.
    static func registrationNumber(sequence: Int) -> String {
        let digits = "26" + String(format: "%07d", sequence)
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            var digit = Int(character.asciiValue! - 48)
            if index % 2 == 0 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return "ASN-26-\(digits.dropFirst(2))-\((10 - sum % 10) % 10)"
    }
}
