import EventStore
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// `POST /v1/registrations`: an applicant registers and applies to one formation in one step.
///
/// The applicant's stream (`applicant-<id>`) is the consistency boundary: the account and its application are
/// appended together, with the inline read model, in one transaction. One account per NIK is enforced through the
/// keyed NIK index; the NIK and KK themselves are stored only encrypted and never leave this service.
struct RegistrationRoutes: Sendable {
    let context: ServiceContext
    let catalogue: CatalogueRoutes
    let protection: PersonalDataProtection
    let maxBody: Int

    func register(on router: Router<ServiceRequestContext>) {
        router.post("/v1/registrations") { request, context in
            let body = try await request.decodeJSON(ApplicantRegistrationRequest.self, maxBytes: self.maxBody)
            let receipt = try await self.register(body, context: context, now: Date())
            return JSONResponse(value: receipt, status: .created,
                                headers: [.location: "/v1/applications/\(receipt.applicationId.eventKey)"])
        }
    }

    func register(_ body: ApplicantRegistrationRequest, context request: ServiceRequestContext, now: Date)
        async throws -> RegistrationReceipt
    {
        let today = CalendarDate.of(now, in: TimeDisplay.wib)
        let registration = try RegistrationRules.validate(body, today: today).get()
        guard let formation = try await catalogue.formation(registration.formationId),
              let period = try await catalogue.period(formation.periodId)?.event
        else {
            throw RegistrationValidationError(issues: [
                .init(field: "formationId", code: "unknown-formation", message: "no such formation"),
            ])
        }
        let snapshot = FormationSnapshot(
            formationId: formation.formationId, periodId: formation.periodId, kind: formation.kind,
            educationRequirements: formation.educationRequirements, ageLimit: formation.ageLimit,
            registrationOpensAt: period.registrationOpensAt, registrationClosesAt: period.registrationClosesAt,
            timeZone: TimeZone(identifier: period.timeZone) ?? TimeDisplay.wib, fiscalYear: period.fiscalYear)
        let issues = Eligibility.check(
            formation: snapshot, birthDate: registration.birthDate, education: body.education,
            grade: body.academicGrade, now: now)
        guard issues.isEmpty else { throw RegistrationValidationError(issues: issues) }

        let nikIndex = protection.index(ofNIK: registration.nik.digits)
        if try await isRegistered(nikIndex: nikIndex) { throw RegistrationConflict.duplicateAccount }

        let applicantId = UUID()
        let applicationId = UUID()
        let number = RegistrationNumber.make(fiscalYear: period.fiscalYear, sequence: try await nextSequence())
        let streamId = "applicant-\(applicantId.eventKey)"
        let registered = ApplicantRegisteredV1(
            applicantId: applicantId, fullName: registration.fullName, identityVerified: false)
        let submitted = ApplicationSubmittedV1(
            applicationId: applicationId, applicantId: applicantId, periodId: period.periodId,
            formationId: formation.formationId, formationKind: formation.kind, registrationNumber: number,
            applicantName: registration.fullName, education: body.education, academicGrade: body.academicGrade,
            documents: [])
        let first = try EventEnvelope(
            event: registered, streamId: streamId, streamVersion: 1, time: now,
            correlationId: request.correlationId, traceparent: request.traceparent)
        let second = try EventEnvelope(
            event: submitted, streamId: streamId, streamVersion: 2, time: now,
            correlationId: request.correlationId, causationId: first.id.eventKey, traceparent: request.traceparent)
        let nikSealed = try protection.seal(registration.nik.digits)
        let kkSealed = try protection.seal(registration.kkNumber)
        do {
            try await context.eventStore.append([first, second], toStream: streamId, expectedVersion: 0) {
                connection, _ in
                try await connection.query(
                    """
                    INSERT INTO applicants (applicant_id, nik_index, nik_sealed, kk_sealed, full_name, birth_date, email,
                                            phone, registered_at)
                    VALUES (\(applicantId), \(nikIndex), \(nikSealed), \(kkSealed), \(registration.fullName),
                            \(registration.birthDate.description)::date, \(registration.email), \(registration.phone),
                            \(now))
                    """, logger: self.context.logger)
                try await connection.query(
                    """
                    INSERT INTO applications (application_id, applicant_id, period_id, formation_id, registration_number,
                                              status, submitted_at)
                    VALUES (\(applicationId), \(applicantId), \(period.periodId), \(formation.formationId), \(number),
                            'submitted', \(now))
                    """, logger: self.context.logger)
            }
        } catch let error as PSQLError where error.serverInfo?[.constraintName] == "applicants_nik_index_key" {
            // Two registrations with the same NIK raced past the check above; the unique index decided.
            throw RegistrationConflict.duplicateAccount
        } catch let error as PostgresTransactionError {
            if let psql = error.closureError as? PSQLError, psql.serverInfo?[.constraintName] == "applicants_nik_index_key" {
                throw RegistrationConflict.duplicateAccount
            }
            throw error
        }
        context.logger.info("applicant registered", metadata: [
            "applicant_id": "\(applicantId.eventKey)", "application_id": "\(applicationId.eventKey)",
            "formation_id": "\(formation.formationId.eventKey)",
        ])
        return RegistrationReceipt(
            applicantId: applicantId, applicationId: applicationId, registrationNumber: number,
            periodId: period.periodId, formationId: formation.formationId, fullName: registration.fullName,
            submittedAt: now,
            warnings: registration.warnings.map { FieldIssue(field: $0.field, code: $0.code, message: $0.message) })
    }

    func isRegistered(nikIndex: String) async throws -> Bool {
        let rows = try await context.postgres.query(
            "SELECT 1 FROM applicants WHERE nik_index = \(nikIndex)", logger: context.logger)
        for try await _ in rows { return true }
        return false
    }

    func nextSequence() async throws -> Int64 {
        let rows = try await context.postgres.query("SELECT nextval('registration_number_seq')", logger: context.logger)
        for try await value in rows.decode(Int64.self) { return value }
        throw Problem.internalError()
    }
}

/// Registration requests that conflict with existing data.
enum RegistrationConflict: Error, ProblemConvertible {
    case duplicateAccount

    var problem: Problem {
        switch self {
        case .duplicateAccount:
            Problem(type: "/problems/duplicate-account", title: "An account with this NIK exists", status: .conflict,
                    detail: "One account per NIK (DOMAIN §1.2). If someone else registered your NIK, contact the helpdesk.",
                    errors: [FieldIssue(field: "nik", code: "duplicate-account", message: "already registered")])
        }
    }
}
