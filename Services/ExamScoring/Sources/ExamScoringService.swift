public import EventStore
import ExamScoringRules
import Foundation
public import Hummingbird
import Logging
public import RecruitmentEvents
public import ServiceKit
public import ServiceLifecycle

/// Exam scoring (DOMAIN §1.6-1.9, §2, §3): sessions and seats for the candidates who passed administration, SKD
/// results from answer sheets or CAT imports with the passing grade of their formation kind, the SKD ranking with the
/// 3 × quota cut-off, SKB schemes and results, and the final 40/60 integration with tie-breaks and optimisation. It
/// consumes the registration and verification topics and publishes every result to `recruitment.exam` at once.
public struct ExamScoringService: RecruitmentService {
    public static let name = "exam-scoring"
    public static let defaultPort = 8083
    public static let publishes: RecruitmentTopic? = .exam
    public static var migrations: [Migration] { ExamMigrations.all }

    enum Key {
        static let registrationURL = ConfigurationKey(
            "ASN_EXAM_REGISTRATION_URL", default: "http://127.0.0.1:8081",
            help: "Base URL of the registration service, asked (with the exam officer's token) to order applications "
                + "still tied after every other final criterion by age (`/internal/v1/age-order`).")
        static let passingGrades = ConfigurationKey(
            "ASN_EXAM_PASSING_GRADES", default: "",
            help: "SKD passing grades per fiscal year and formation kind as JSON, over the built-in defaults of "
                + "DOMAIN §2.1-2.2, e.g. `{\"2025\": {\"umum\": {\"twk\": 65, \"tiu\": 80, \"tkp\": 166}}}`; a year "
                + "without its own table uses the latest earlier one.")
        static let agencyLevel = ConfigurationKey(
            "ASN_EXAM_AGENCY_LEVEL", default: "regional",
            help: "`regional` (CAT ≥ 60% of the SKB, at most one extra test, no interview) or `central` (CAT ≥ 50%, "
                + "interview ≤ 30%, certificate ≤ 20%): the SKB weight rules of DOMAIN §1.7.")
        static let scoreDecimals = ConfigurationKey(
            "ASN_EXAM_SCORE_DECIMALS", default: "2",
            help: "Decimals (0-6) to which SKD₁₀₀, normalised SKB components and SKB₁₀₀ are rounded half up; the "
                + "integrated score is kept exact.")
    }

    public static var configurationKeys: [ConfigurationKey] {
        [Key.registrationURL, Key.passingGrades, Key.agencyLevel, Key.scoreDecimals] + JWKSRefresher.Key.all
    }

    let context: ServiceContext
    let keys: JWKSRefresher
    let grades: PassingGradeTable
    let agencyLevel: AgencyLevel
    let policy: IntegrationPolicy
    let registrationURL: String

    public init(context: ServiceContext) throws {
        self.context = context
        let reader = context.reader
        keys = try JWKSRefresher(reader: reader, logger: context.logger)
        let overrides = try reader.string(Key.passingGrades).trimmingCharacters(in: .whitespacesAndNewlines)
        if overrides.isEmpty {
            grades = PassingGradeTable.defaults
        } else {
            do {
                grades = PassingGradeTable.defaults.merging(try PassingGradeTable(json: Data(overrides.utf8)))
            } catch {
                throw ConfigurationError.invalid(
                    key: Key.passingGrades.name, value: "(JSON)",
                    expected: "passing grades per year and kind: "
                        + error.issues.map { "\($0.field): \($0.message)" }.joined(separator: "; "))
            }
        }
        agencyLevel = try reader.choice(Key.agencyLevel, as: AgencyLevel.self)
        let decimals = try reader.int(Key.scoreDecimals, in: 0...6)
        do {
            policy = try IntegrationPolicy(
                skdWeightPercent: ExactDecimal(40), skbWeightPercent: ExactDecimal(60), decimals: decimals)
        } catch {
            throw ConfigurationError.invalid(key: Key.scoreDecimals.name, value: "\(decimals)", expected: "0 to 6")
        }
        registrationURL = try reader.baseURL(Key.registrationURL)
    }

    public var projections: [Projection] { [CandidateIntakeProjection.projection] }

    public var backgroundServices: [any Service] { [keys] }

    public var readinessChecks: [ReadinessCheck] { [keys.readinessCheck] }

    var writer: ExamEventWriter { ExamEventWriter(eventStore: context.eventStore) }

    var sessionCommands: SessionCommands {
        SessionCommands(postgres: context.postgres, writer: writer, logger: context.logger)
    }

    var schemes: SchemeStore { SchemeStore(postgres: context.postgres, agencyLevel: agencyLevel, logger: context.logger) }

    public func registerRoutes(on router: Router<ServiceRequestContext>) {
        let maxBody = context.configuration.maxJSONBodyBytes
        let postgres = context.postgres
        let logger = context.logger
        router.add(middleware: AuthenticationMiddleware(verifier: keys.verifier))
        let rosters = RosterStore(postgres: postgres, logger: logger)
        SessionRoutes(
            sessions: sessionCommands,
            seating: SeatingCommands(postgres: postgres, writer: writer, logger: logger),
            rosters: rosters, packages: PackageStore(postgres: postgres, logger: logger), maxBody: maxBody
        ).register(on: router)
        ResultRoutes(
            results: ResultCommands(postgres: postgres, writer: writer, grades: grades, policy: policy, logger: logger),
            schemes: schemes, maxBody: maxBody
        ).register(on: router)
        RankingRoutes(
            rankings: RankingCommands(postgres: postgres, writer: writer, grades: grades, logger: logger),
            schemes: schemes,
            finals: FinalCommands(
                postgres: postgres, writer: writer, policy: policy,
                ages: AgeOrderClient(baseURL: registrationURL, logger: logger), logger: logger),
            maxBody: maxBody
        ).register(on: router)
        CardRoutes(rosters: rosters, sessions: sessionCommands).register(on: router)
    }
}
