import EventStore
import ExamScoringRules
import Foundation
import Logging
import PostgresNIO
import ServiceKit

/// SKD exam packages and their answer keys. Keys are confidential: they are stored here, used to score answer sheets,
/// and never published or put in an event.
struct PackageStore: Sendable {
    /// A package as officers list it (without the key).
    struct Summary: Codable, Sendable {
        var packageId: UUID
        var periodId: UUID
        var code: String
        var createdAt: Date
    }

    /// A package with its key, for scoring.
    struct Package: Sendable {
        var packageId: UUID
        var periodId: UUID
        var code: String
        var key: SkdAnswerKey
    }

    let postgres: PostgresClient
    let logger: Logger

    func package(_ packageId: UUID) async throws -> Package? {
        let rows = try await postgres.query(
            "SELECT period_id, code, answer_key::text FROM exam_packages WHERE package_id = \(packageId)",
            logger: logger)
        for try await (periodId, code, key) in rows.decode((UUID, String, String).self) {
            return Package(packageId: packageId, periodId: periodId, code: code,
                           key: try JSONColumn.decode(SkdAnswerKey.self, from: key))
        }
        return nil
    }

    func packages(ofPeriod periodId: UUID) async throws -> [Summary] {
        let rows = try await postgres.query(
            """
            SELECT package_id, code, created_at FROM exam_packages WHERE period_id = \(periodId) ORDER BY code
            """, logger: logger)
        var items: [Summary] = []
        for try await (id, code, created) in rows.decode((UUID, String, Date).self) {
            items.append(Summary(packageId: id, periodId: periodId, code: code, createdAt: created))
        }
        return items
    }

    /// Stores a validated key; a code used twice in a period is refused.
    func create(periodId: UUID, code: String, key: SkdAnswerKey, context: CommandContext) async throws -> Summary {
        let packageId = UUID()
        let known = try await postgres.query("SELECT 1 FROM periods WHERE period_id = \(periodId)", logger: logger)
        var exists = false
        for try await _ in known { exists = true }
        guard exists else { throw ExamRuleViolation.unknownPeriod(periodId) }
        let rows = try await postgres.query(
            """
            INSERT INTO exam_packages (package_id, period_id, code, answer_key, created_by, created_at)
            VALUES (\(packageId), \(periodId), \(code), \(try JSONColumn.text(key))::json, \(context.actor),
                    \(context.now))
            ON CONFLICT (period_id, code) DO NOTHING
            RETURNING package_id
            """, logger: logger)
        var inserted = false
        for try await _ in rows { inserted = true }
        guard inserted else { throw ExamRuleViolation.duplicatePackageCode(code) }
        logger.info("exam package created", metadata: ["package_id": "\(packageId)", "code": "\(code)"])
        return Summary(packageId: packageId, periodId: periodId, code: code, createdAt: context.now)
    }
}
