import Crypto
import EventStore
import ExamScoringRules
import Foundation
import HTTPTypes
import Logging
import Metrics
import PostgresNIO
import RecruitmentEvents
import ServiceKit

/// Records the outcome of a stage for a seated candidate: an SKD score (from sub-scores or an answer sheet), an SKB
/// score, an absence or a disqualification. Each is one event in the candidate's stream, appended in the same
/// transaction as its `stage_outcomes` row, and published at once (the live scoreboard reads it, DOMAIN §5.1).
struct ResultCommands: Sendable {
    let postgres: PostgresClient
    let writer: ExamEventWriter
    let grades: PassingGradeTable
    let policy: IntegrationPolicy
    let logger: Logger

    /// Records an SKD result; answers the event.
    func recordSkd(_ number: String, _ request: SkdResultRequest, context: CommandContext) async throws
        -> SkdResultRecordedV1
    {
        let (scores, source, reference) = try await skdScores(from: request)
        return try await inCandidateTransaction(number) { candidate, connection in
            try candidate.checkCanRecord(.skd)
            let sessionId = try candidate.session(for: .skd, named: request.sessionId)
            if let packageId = request.answerSheet?.packageId {
                try await checkPackage(packageId, isOf: candidate.periodId, on: connection)
            }
            let event = try skdEvent(candidate, scores: scores, source: source, reference: reference, sessionId: sessionId)
            try await record(event, outcome: .scored, stage: .skd, skdTotal: scores.total, result: event.scores,
                             for: candidate, context: context, on: connection)
            return event
        }
    }

    /// Imports a CAT file of SKD sub-scores (format: ``SkdScoreImport``): every row is checked against the file's
    /// rules and against the seating (seated, not withdrawn, no outcome yet); one bad row and nothing is imported.
    func importSkd(_ data: Data, context: CommandContext) async throws -> SkdImportSummary {
        let file = try scoring { () throws(ScoreValidationError) in try SkdScoreImport.parse(data) }
        let importId = UUID()
        let sha256 = SHA256.hash(data: data).lowercaseHex
        let summary = try await PostgresTransaction.run(on: postgres, logger: logger) { connection in
            let candidates = try await CandidateStore.lock(
                participantNumbers: file.rows.map(\.participantNumber), on: connection, logger: logger)
            var issues: [ScoreIssue] = []
            for row in file.rows {
                let field = "rows[\(row.row)].nomor_peserta"
                guard let candidate = candidates[row.participantNumber] else {
                    issues.append(ScoreIssue(field: field, code: "unknown-participant",
                                             message: "no seated candidate has participant number \(row.participantNumber)"))
                    continue
                }
                do throws(ExamRuleViolation) {
                    try candidate.checkCanRecord(.skd)
                } catch {
                    issues.append(ScoreIssue(field: field, code: error.issueCode, message: error.problem.detail ?? ""))
                }
            }
            guard issues.isEmpty else { throw Problem.scoring(ScoreValidationError(issues: issues)) }
            var scored = 0
            var absent = 0
            for row in file.rows {
                guard let candidate = candidates[row.participantNumber] else { continue }
                switch row.outcome {
                case .scored(let scores):
                    let event = try skdEvent(
                        candidate, scores: scores, source: .imported, reference: "import:\(importId.eventKey)",
                        sessionId: candidate.seats[.skd])
                    try await record(event, outcome: .scored, stage: .skd, skdTotal: scores.total, result: event.scores,
                                     for: candidate, context: context, on: connection)
                    scored += 1
                case .absent:
                    try await record(absence(candidate, stage: .skd), outcome: .absent, stage: .skd,
                                     result: nil as String?, for: candidate, context: context, on: connection)
                    absent += 1
                }
            }
            try await connection.query(
                """
                INSERT INTO skd_imports (import_id, sha256, rows, imported_by, imported_at)
                VALUES (\(importId), \(sha256), \(file.rows.count), \(context.actor), \(context.now))
                """, logger: logger)
            return SkdImportSummary(importId: importId, sha256: sha256, scored: scored, absent: absent)
        }
        logger.info("SKD results imported", metadata: [
            "import_id": "\(importId.eventKey)", "scored": "\(summary.scored)", "absent": "\(summary.absent)",
        ])
        return summary
    }

    /// Records that a seated candidate did not attend.
    func recordAbsence(_ number: String, stage: ExamStage, context: CommandContext) async throws -> CandidateAbsentV1 {
        try await inCandidateTransaction(number) { candidate, connection in
            try candidate.checkCanRecord(stage)
            let event = try absence(candidate, stage: stage)
            try await record(event, outcome: .absent, stage: stage, result: nil as String?, for: candidate,
                             context: context, on: connection)
            return event
        }
    }

    /// Records a disqualification (DIS) with its public reason.
    func recordDisqualification(_ number: String, _ request: DisqualificationRequest, context: CommandContext)
        async throws -> CandidateDisqualifiedV1
    {
        let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (10...1000).contains(reason.count) else {
            throw Problem.validation([FieldIssue(field: "reason", code: "length",
                                                 message: "give the public reason in 10 to 1000 characters")],
                                     status: .unprocessableContent)
        }
        return try await inCandidateTransaction(number) { candidate, connection in
            try candidate.checkCanRecord(request.stage)
            let event = CandidateDisqualifiedV1(
                applicationId: candidate.applicationId, applicantId: candidate.applicantId,
                sessionId: candidate.seats[request.stage], stage: request.stage,
                participantNumber: candidate.participantNumber, reasonCode: request.reasonCode, reason: reason,
                decidedBy: context.actor)
            try await record(event, outcome: .disqualified, stage: request.stage, result: event, for: candidate,
                             context: context, on: connection)
            return event
        }
    }

    /// Records an SKB result against the formation's scheme (DOMAIN §1.7, §3.2).
    func recordSkb(_ number: String, _ request: SkbResultRequest, schemes: SchemeStore, context: CommandContext)
        async throws -> SkbResultRecordedV1
    {
        try await inCandidateTransaction(number) { candidate, connection in
            try candidate.checkCanRecord(.skb)
            // Share the formation's row lock with other SKB results: a scheme being set (SchemeStore.set locks the row
            // for update) is waited for, and cannot change under this result until it commits.
            let formationLock = try await connection.query(
                "SELECT 1 FROM formations WHERE formation_id = \(candidate.formationId) FOR SHARE", logger: logger)
            for try await _ in formationLock {}
            guard let scheme = try await schemes.scheme(of: candidate.formationId, on: connection) else {
                throw ExamRuleViolation.noSkbScheme(candidate.formationId)
            }
            let scored = try scoring { () throws(ScoreValidationError) in
                try scheme.score(request.components, policy: policy)
            }
            let event = SkbResultRecordedV1(
                applicationId: candidate.applicationId, applicantId: candidate.applicantId,
                formationId: candidate.formationId, participantNumber: candidate.participantNumber,
                components: scored.components, score: scored.score)
            try await record(event, outcome: .scored, stage: .skb, result: event, for: candidate, context: context,
                             on: connection)
            return event
        }
    }

    // MARK: - Steps

    /// Locks the candidate with `number` and runs `body` in one transaction.
    private func inCandidateTransaction<T: Sendable>(
        _ number: String, _ body: (ExamCandidate, PostgresConnection) async throws -> T
    ) async throws -> T {
        guard ParticipantNumber.isPlausible(number) else { throw ExamRuleViolation.unknownParticipant(number) }
        return try await PostgresTransaction.run(on: postgres, logger: logger) { connection in
            guard let candidate = try await CandidateStore.lock(participantNumber: number, on: connection,
                                                                logger: logger)
            else { throw ExamRuleViolation.unknownParticipant(number) }
            return try await body(candidate, connection)
        }
    }

    /// Appends the event to the candidate's stream and writes the stage's outcome row.
    private func record(
        _ event: any RecruitmentEvent, outcome: StageOutcome, stage: ExamStage, skdTotal: Int? = nil,
        result: (some Encodable)?, for candidate: ExamCandidate, context: CommandContext,
        on connection: PostgresConnection
    ) async throws {
        let version = try await writer.append(
            [event], to: candidate.streamId, after: candidate.version, context: context, on: connection)
        try await CandidateStore.setVersion(version, of: candidate.applicationId, on: connection, logger: logger)
        try await CandidateStore.insertOutcome(
            outcome, stage: stage, of: candidate, skdTotal: skdTotal, result: try result.map(JSONColumn.text),
            context: context, on: connection, logger: logger)
        Counter(label: "asn_exam_outcomes_recorded_total", dimensions: [
            ("stage", stage.rawValue), ("outcome", outcome.rawValue),
        ]).increment()
    }

    /// The scores of a request: validated sub-scores, or an answer sheet scored against its package's key.
    private func skdScores(from request: SkdResultRequest) async throws
        -> (SkdScores, SkdScoreSource, String?)
    {
        switch (request.scores, request.answerSheet) {
        case (let scores?, nil):
            let validated = try scoring { () throws(ScoreValidationError) in
                try SkdScores.validated(twk: scores.twk, tiu: scores.tiu, tkp: scores.tkp, fieldPrefix: "scores.")
            }
            return (validated, .imported, nil)
        case (nil, let sheet?):
            guard let package = try await PackageStore(postgres: postgres, logger: logger).package(sheet.packageId)
            else { throw ExamRuleViolation.unknownPackage(sheet.packageId) }
            let scores = try scoring { () throws(ScoreValidationError) in try package.key.score(sheet.sheet) }
            return (scores, .answerSheet, "package:\(package.code)")
        default:
            throw Problem.validation([FieldIssue(field: "scores", code: "one-of",
                                                 message: "give exactly one of scores or answerSheet")],
                                     status: .unprocessableContent)
        }
    }

    private func checkPackage(_ packageId: UUID, isOf periodId: UUID, on connection: PostgresConnection) async throws {
        let rows = try await connection.query(
            "SELECT period_id FROM exam_packages WHERE package_id = \(packageId)", logger: logger)
        for try await period in rows.decode(UUID.self) where period != periodId {
            throw ExamRuleViolation.packageOfAnotherPeriod(packageId)
        }
    }

    /// The SKD result event, with the passing grade of the candidate's formation kind and fiscal year.
    private func skdEvent(_ candidate: ExamCandidate, scores: SkdScores, source: SkdScoreSource, reference: String?,
                          sessionId: UUID?) throws -> SkdResultRecordedV1
    {
        let grade: SkdPassingGrade
        do {
            grade = try grades.grade(for: candidate.formationKind, fiscalYear: candidate.fiscalYear).grade
        } catch {
            throw ExamRuleViolation.noPassingGrade("\(error)")
        }
        return SkdResultRecordedV1(
            applicationId: candidate.applicationId, applicantId: candidate.applicantId,
            formationId: candidate.formationId, formationKind: candidate.formationKind,
            participantNumber: candidate.participantNumber, sessionId: sessionId, scores: scores, source: source,
            sourceReference: reference, passingGrade: grade, meetsPassingGrade: grade.isMet(by: scores))
    }

    private func absence(_ candidate: ExamCandidate, stage: ExamStage) throws -> CandidateAbsentV1 {
        guard let sessionId = candidate.seats[stage] else {
            throw ExamRuleViolation.notSeated(candidate.participantNumber, stage)
        }
        return CandidateAbsentV1(
            applicationId: candidate.applicationId, applicantId: candidate.applicantId, sessionId: sessionId,
            stage: stage, participantNumber: candidate.participantNumber)
    }
}

/// What an import recorded.
struct SkdImportSummary: Codable, Sendable {
    var importId: UUID
    var sha256: String
    var scored: Int
    var absent: Int
}

extension ExamRuleViolation {
    /// The code of a row issue when an imported row breaks a seating rule.
    var issueCode: String {
        switch self {
        case .withdrawn: "candidate-withdrawn"
        case .notSeated: "not-seated"
        case .alreadyRecorded: "result-already-recorded"
        default: "refused"
        }
    }
}
