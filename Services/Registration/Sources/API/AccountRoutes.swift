import EventStore
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Identity (ARCHITECTURE §6): applicant sign-up, login for applicants and officers, officer accounts created by an
/// administrator, the signed-in account, and the JWKS other services verify tokens with.
struct AccountRoutes: Sendable {
    let context: ServiceContext
    let protection: PersonalDataProtection
    let passwords: PasswordHasher
    let tokens: AccessTokenIssuer
    let failedLogins: ClientRateLimiter
    let signUps: ClientRateLimiter
    let accounts: AccountStore
    let maxBody: Int

    func register(on router: Router<ServiceRequestContext>) {
        router.post("/v1/accounts") { request, context in
            let body = try await request.decodeJSON(SignUpRequest.self, maxBytes: self.maxBody)
            let receipt = try await self.signUp(body, client: context.clientAddress, context: context, now: Date())
            return JSONResponse(value: receipt, status: .created, headers: [.location: "/v1/me"])
        }
        router.post("/v1/auth/token") { request, context in
            let body = try await request.decodeJSON(LoginRequest.self, maxBytes: self.maxBody)
            return JSONResponse(value: try await self.login(body, client: context.clientAddress, now: Date()))
        }
        router.get("/.well-known/jwks.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            headers[.cacheControl] = "public, max-age=300"
            return Response(status: .ok, headers: headers,
                            body: .init(byteBuffer: ByteBuffer(string: self.tokens.jwksJSON)))
        }
        router.get("/v1/me") { _, context in
            let identity = try context.requireIdentity()
            guard let account = try await self.accounts.find(accountId: identity.accountId) else {
                throw Problem.notFound("The account of this token no longer exists.")
            }
            return JSONResponse(value: AccountView(
                accountId: account.accountId, kind: account.kind, displayName: account.displayName,
                email: account.email, roles: account.roles))
        }
        router.post("/v1/admin/officers") { request, context in
            let admin = try context.requireRole(.admin)
            let body = try await request.decodeJSON(OfficerRequest.self, maxBytes: self.maxBody)
            let officer = try await self.createOfficer(body, createdBy: admin.accountId, context: context, now: Date())
            return JSONResponse(value: officer, status: .created,
                                headers: [.location: "/v1/admin/officers/\(officer.officerId.eventKey)"])
        }
        router.get("/v1/admin/officers") { request, context in
            _ = try context.requireRole(.admin)
            let cursor = try request.idCursor() ?? .minimum
            let officers = try await self.accounts.officers(after: cursor, limit: 101).map {
                OfficerView(officerId: $0.accountId, email: $0.email, displayName: $0.displayName, roles: $0.roles)
            }
            return JSONResponse(value: Page(upTo: 100, of: officers) { $0.officerId.eventKey })
        }
    }

    // MARK: Sign-up

    func signUp(_ body: SignUpRequest, client: String, context request: ServiceRequestContext, now: Date) async throws
        -> SignUpReceipt
    {
        if let wait = signUps.retryAfter(client, now: now) {
            throw RegistrationProblem.tooManySignUps(retryAfterSeconds: Int(wait.components.seconds))
        }
        signUps.record(client, now: now)
        let today = CalendarDate.of(now, in: TimeDisplay.wib)
        let signUp = try SignUpRules.validate(body, today: today).get()
        let nikIndex = protection.index(ofNIK: signUp.nik.digits)
        if try await accounts.find(nikIndex: nikIndex) != nil { throw RegistrationProblem.duplicateAccount }
        if try await accounts.find(email: signUp.email) != nil { throw RegistrationProblem.duplicateEmail }

        let applicantId = UUID()
        let streamId = "applicant-\(applicantId.eventKey)"
        let event = ApplicantRegisteredV1(applicantId: applicantId, fullName: signUp.fullName, identityVerified: false)
        let envelope = try EventEnvelope(
            event: event, streamId: streamId, streamVersion: 1, time: now, correlationId: request.correlationId,
            traceparent: request.traceparent)
        let account = StoredAccount(
            accountId: applicantId, kind: "applicant", email: signUp.email,
            passwordHash: try await passwords.hash(signUp.password), roles: [.applicant],
            displayName: signUp.fullName, failedLogins: 0, lockedUntil: nil)
        let nikSealed = try protection.seal(signUp.nik.digits)
        let kkSealed = try protection.seal(signUp.kkNumber)
        do {
            try await context.eventStore.append([envelope], toStream: streamId, expectedVersion: 0) { connection, _ in
                try await connection.query(
                    """
                    INSERT INTO applicants (applicant_id, nik_index, nik_sealed, kk_sealed, full_name, birth_date, email,
                                            phone, registered_at)
                    VALUES (\(applicantId), \(nikIndex), \(nikSealed), \(kkSealed), \(signUp.fullName),
                            \(signUp.birthDate.description)::date, \(signUp.email), \(signUp.phone), \(now))
                    """, logger: self.context.logger)
                try await AccountStore.insert(
                    account, createdAt: now, createdBy: nil, on: connection, logger: self.context.logger)
            }
        } catch {
            // Two sign-ups with the same NIK or e-mail raced past the checks above; the unique index decided.
            switch error.violatedUniqueConstraint {
            case "applicants_nik_index_key": throw RegistrationProblem.duplicateAccount
            case "accounts_email_key": throw RegistrationProblem.duplicateEmail
            default: throw error
            }
        }
        context.logger.info("applicant signed up", metadata: ["applicant_id": "\(applicantId.eventKey)"])
        return SignUpReceipt(
            applicantId: applicantId, fullName: signUp.fullName, email: signUp.email, nik: NIKSummary(signUp.nik),
            warnings: signUp.warnings.map { FieldIssue(field: $0.field, code: $0.code, message: $0.message) })
    }

    // MARK: Login

    func login(_ body: LoginRequest, client: String, now: Date) async throws -> IssuedAccessToken {
        if let wait = failedLogins.retryAfter(client, now: now) {
            throw RegistrationProblem.tooManyAttempts(retryAfterSeconds: Int(wait.components.seconds))
        }
        let username = body.username.trimmingCharacters(in: .whitespaces)
        let account: StoredAccount?
        if username.utf8.count == 16, username.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            account = try await accounts.find(nikIndex: protection.index(ofNIK: username))
        } else {
            account = try await accounts.find(email: username.lowercased())
        }
        if let lockedUntil = account?.lockedUntil, lockedUntil > now {
            throw RegistrationProblem.accountLocked(retryAfterSeconds: Int(lockedUntil.timeIntervalSince(now).rounded(.up)))
        }
        guard body.password.utf8.count <= PasswordPolicy.maximumBytes,
              try await passwords.verify(body.password, hash: account?.passwordHash), let account
        else {
            failedLogins.record(client, now: now)
            if let account {
                try await accounts.recordFailure(account.accountId, now: now)
                context.logger.notice("failed login", metadata: ["account_id": "\(account.accountId.eventKey)"])
            }
            throw RegistrationProblem.invalidCredentials
        }
        try await accounts.recordSuccess(account)
        return try await tokens.issue(
            accountId: account.accountId, roles: account.roles, name: account.displayName, now: now)
    }

    // MARK: Officers

    func createOfficer(_ body: OfficerRequest, createdBy: UUID?, context request: ServiceRequestContext?, now: Date)
        async throws -> OfficerView
    {
        let email = body.email.trimmingCharacters(in: .whitespaces).lowercased()
        let name = body.displayName.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var issues: [RegistrationIssue] = []
        if !SignUpRules.isPlausibleEmail(email) {
            issues.append(.init(field: "email", code: "email-format", message: "a valid e-mail address"))
        }
        if name.isEmpty || name.count > 100 {
            issues.append(.init(field: "displayName", code: "required", message: "1 to 100 characters"))
        }
        if body.roles.isEmpty {
            issues.append(.init(field: "roles", code: "required", message: "at least one role"))
        }
        issues += PasswordPolicy.check(body.password, field: "password", email: email)
        guard issues.isEmpty else { throw RegistrationValidationError(issues: issues) }
        if try await accounts.find(email: email) != nil { throw RegistrationProblem.duplicateEmail }

        let roles = Array(Set(body.roles)).sorted { $0.rawValue < $1.rawValue }
        let officerId = UUID()
        let streamId = "officer-\(officerId.eventKey)"
        let event = OfficerAccountCreatedV1(officerId: officerId, displayName: name, roles: roles, createdBy: createdBy)
        let envelope = try EventEnvelope(
            event: event, streamId: streamId, streamVersion: 1, time: now, correlationId: request?.correlationId,
            traceparent: request?.traceparent)
        let account = StoredAccount(
            accountId: officerId, kind: "officer", email: email, passwordHash: try await passwords.hash(body.password),
            roles: roles.compactMap { Role(rawValue: $0.rawValue) }, displayName: name, failedLogins: 0,
            lockedUntil: nil)
        do {
            try await context.eventStore.append([envelope], toStream: streamId, expectedVersion: 0) { connection, _ in
                try await AccountStore.insert(
                    account, createdAt: now, createdBy: createdBy, on: connection, logger: self.context.logger)
            }
        } catch where error.violatedUniqueConstraint == "accounts_email_key" {
            throw RegistrationProblem.duplicateEmail
        }
        context.logger.notice("officer account created", metadata: [
            "officer_id": "\(officerId.eventKey)", "roles": "\(roles.map(\.rawValue))",
            "created_by": "\(createdBy?.eventKey ?? "configuration")",
        ])
        return OfficerView(officerId: officerId, email: email, displayName: name, roles: account.roles)
    }

    /// Creates the initial administrator from configuration unless an account with that e-mail exists (idempotent:
    /// runs at every start; changing the configured password later does not change the account's password).
    func ensureInitialAdministrator(email: String, password: String) async throws {
        if try await accounts.find(email: email.lowercased()) != nil { return }
        do {
            _ = try await createOfficer(
                OfficerRequest(email: email, displayName: "Administrator", roles: [.admin], password: password),
                createdBy: nil, context: nil, now: Date())
        } catch RegistrationProblem.duplicateEmail {
            return  // another instance created it at the same time
        }
    }
}
