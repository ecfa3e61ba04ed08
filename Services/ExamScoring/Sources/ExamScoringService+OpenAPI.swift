import ExamScoringRules
import RecruitmentEvents
public import ServiceKit

extension ExamScoringService {
    /// The exam-scoring API as the exam officers' portal and CAT integrations code against it; every schema is derived
    /// from the Swift types the routes encode and decode, and the end-to-end tests validate real responses against it.
    public func openAPI(into document: inout OpenAPIDocument) {
        document.description = """
            Exam scoring (DOMAIN §1.6-1.9, §2, §3): sessions and seats, SKD results from answer sheets or CAT files \
            with the passing grade of the formation kind, the SKD ranking with the 3 × quota cut-off and tie-breaks, \
            SKB schemes and results, and the final SKD 40% / SKB 60% integration with optimisation. Every result is an \
            event on `recruitment.exam` at once. Tokens come from the registration service.
            """
        let jsonBody = context.configuration.maxJSONBodyBytes
        let readers = OpenAPISecurity.bearer(roles: ["exam_officer", "admin", "announcer"])
        let officer = OpenAPISecurity.bearer(roles: ["exam_officer"])
        let period = OpenAPIParameter.query("periodId", .uuid, required: true)
        let participant = OpenAPIParameter.path(
            "participantNumber", .string, description: "The participant number (nomor peserta) on the exam card")
        document.addTag("sessions", description: "Sessions, seating, rosters and answer keys")
        document.addTag("results", description: "SKD and SKB results, absences, disqualifications, CAT imports")
        document.addTag("rankings", description: "SKD rankings, SKB schemes and final results")
        document.addTag("applicant", description: "The applicant's own exam cards")

        // MARK: Sessions
        document.add(.post(
            "/v1/sessions", operationId: "scheduleSession", summary: "Schedule an SKD or SKB session at a test site",
            tags: ["sessions"], body: .json(ScheduleSessionRequest.self, maxBytes: jsonBody), security: officer,
            responses: [.json(201, SessionView.self)], problems: [404, 422]))
        document.add(.get(
            "/v1/sessions", operationId: "listSessions", summary: "The sessions of a period, in start order",
            tags: ["sessions"], parameters: [period], security: readers, responses: [.json(200, Page<SessionView>.self)]))
        document.add(.get(
            "/v1/sessions/{sessionId}", operationId: "getSession", summary: "One session", tags: ["sessions"],
            parameters: [.path("sessionId")], security: readers, responses: [.json(200, SessionView.self)]))
        document.add(.post(
            "/v1/sessions/{sessionId}/reschedule", operationId: "rescheduleSession",
            summary: "Move a session (seats are kept) with a public reason", tags: ["sessions"],
            parameters: [.path("sessionId")], body: .json(RescheduleSessionRequest.self, maxBytes: jsonBody),
            security: officer, responses: [.json(200, SessionView.self)], problems: [404, 422]))
        document.add(.get(
            "/v1/sessions/{sessionId}/roster", operationId: "getRoster",
            summary: "Who sits where in a session, with what was recorded", tags: ["sessions"],
            parameters: [
                .path("sessionId"),
                .query("limit", .integer(minimum: 1, maximum: 500), description: "Page size (default 100)"),
                .query("cursor", .string, description: "`nextCursor` of the previous page"),
            ],
            security: readers, responses: [.json(200, Page<RosterStore.Entry>.self)]))
        document.add(.post(
            "/v1/periods/{periodId}/seating", operationId: "seatCandidates",
            summary: "Seat every candidate who may sit the stage and has no seat yet (SKD: final published MS; SKB: "
                + "P/L), filling sessions in start order; issues participant numbers at the SKD",
            tags: ["sessions"], parameters: [.path("periodId")], body: .json(SeatingRequest.self, maxBytes: jsonBody),
            security: officer, responses: [.json(200, SeatingCommands.Summary.self)], problems: [404, 409]))
        document.add(.post(
            "/v1/exam-packages", operationId: "createExamPackage",
            summary: "Store an SKD package's answer key (confidential: never published or in an event)",
            tags: ["sessions"], body: .json(CreatePackageRequest.self, maxBytes: jsonBody), security: officer,
            responses: [.json(201, PackageStore.Summary.self)], problems: [404, 409, 422]))
        document.add(.get(
            "/v1/exam-packages", operationId: "listExamPackages", summary: "The packages of a period (without keys)",
            tags: ["sessions"], parameters: [period], security: officer,
            responses: [.json(200, Page<PackageStore.Summary>.self)]))

        // MARK: Results
        document.add(.post(
            "/v1/participants/{participantNumber}/skd-result", operationId: "recordSkdResult",
            summary: "Record an SKD result: sub-scores, or an answer sheet scored against its package; once per "
                + "candidate", tags: ["results"], parameters: [participant],
            body: .json(SkdResultRequest.self, maxBytes: jsonBody), security: officer,
            responses: [.json(201, SkdResultRecordedV1.self)], problems: [404, 409, 422]))
        document.add(.post(
            "/v1/participants/{participantNumber}/skb-result", operationId: "recordSkbResult",
            summary: "Record an SKB result, one score (0-100) or raw score per component of the formation's scheme",
            tags: ["results"], parameters: [participant], body: .json(SkbResultRequest.self, maxBytes: jsonBody),
            security: officer, responses: [.json(201, SkbResultRecordedV1.self)], problems: [404, 409, 422]))
        document.add(.post(
            "/v1/participants/{participantNumber}/absence", operationId: "recordAbsence",
            summary: "Record that a seated candidate did not attend (TH / P/TH)", tags: ["results"],
            parameters: [participant], body: .json(AbsenceRequest.self, maxBytes: jsonBody), security: officer,
            responses: [.json(201, CandidateAbsentV1.self)], problems: [404, 409]))
        document.add(.post(
            "/v1/participants/{participantNumber}/disqualification", operationId: "recordDisqualification",
            summary: "Disqualify a seated candidate (DIS) with the public reason", tags: ["results"],
            parameters: [participant], body: .json(DisqualificationRequest.self, maxBytes: jsonBody),
            security: officer, responses: [.json(201, CandidateDisqualifiedV1.self)], problems: [404, 409, 422]))
        document.add(.post(
            "/v1/skd-imports", operationId: "importSkdResults",
            summary: "Import a CAT file of SKD sub-scores (CSV: nomor_peserta, twk, tiu, tkp, optional total and "
                + "keterangan TH; comma or semicolon): all rows or none, every bad row reported",
            tags: ["results"],
            body: .binary(["text/csv"], description: "The CAT export, UTF-8", maxBytes: ResultRoutes.maximumImportBytes),
            security: officer, responses: [.json(201, SkdImportSummary.self)], problems: [413, 415, 422]))

        // MARK: Rankings
        document.add(.get(
            "/v1/formations/{formationId}/skd-ranking", operationId: "getSkdRanking",
            summary: "The finalised SKD ranking, or a preview with the number of outcomes still missing",
            tags: ["rankings"], parameters: [.path("formationId")], security: readers,
            responses: [.json(200, RankingCommands.View.self)], problems: [404, 409]))
        document.add(.post(
            "/v1/formations/{formationId}/skd-ranking", operationId: "finaliseSkdRanking",
            summary: "Finalise the SKD ranking once every seated candidate has an outcome", tags: ["rankings"],
            parameters: [.path("formationId")], security: officer,
            responses: [.json(201, SkdRankingFinalisedV1.self)], problems: [404, 409]))
        document.add(.get(
            "/v1/formations/{formationId}/skb-scheme", operationId: "getSkbScheme",
            summary: "The SKB components, weights and raw maxima in force", tags: ["rankings"],
            parameters: [.path("formationId")], security: readers,
            responses: [.json(200, SchemeStore.Entry.self)], problems: [404, 409]))
        document.add(.put(
            "/v1/formations/{formationId}/skb-scheme", operationId: "setSkbScheme",
            summary: "Set the SKB components and weights (validated against DOMAIN §1.7) before any SKB result",
            tags: ["rankings"], parameters: [.path("formationId")],
            body: .json(RankingRoutes.SchemeRequest.self, maxBytes: jsonBody), security: officer,
            responses: [.json(200, SchemeStore.Entry.self)], problems: [404, 409, 422]))
        document.add(.post(
            "/v1/periods/{periodId}/final-results", operationId: "computeFinalResults",
            summary: "Integrate SKD and SKB for every formation of the period, rank, code and optimise (once)",
            tags: ["rankings"], parameters: [.path("periodId")], security: officer,
            responses: [.json(201, Page<FinalResultsComputedV1>.self)], problems: [404, 409, 503]))
        document.add(.get(
            "/v1/formations/{formationId}/final-results", operationId: "getFinalResults",
            summary: "The computed final results of a formation", tags: ["rankings"],
            parameters: [.path("formationId")], security: readers,
            responses: [.json(200, FinalResultsComputedV1.self)], problems: [404]))

        // MARK: Applicant
        document.add(.get(
            "/v1/me/exam-cards", operationId: "listMyExamCards",
            summary: "The caller's exam cards: seats, sessions and what was recorded", tags: ["applicant"],
            security: .bearer(roles: ["applicant"]), responses: [.json(200, Page<RosterStore.Card>.self)]))
    }
}
