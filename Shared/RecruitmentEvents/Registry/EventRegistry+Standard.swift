extension EventRegistry {
    /// Every event type of the suite, grouped by producing context. Add new types (and upcasters) here; the catalogue
    /// tests fail if a `RecruitmentEvent` type in `Catalogue/` is missing or a `type` string repeats.
    public static let catalogue: [any RecruitmentEvent.Type] = [
        // recruitment.registration
        SelectionPeriodOpenedV1.self,
        RegistrationDeadlineExtendedV1.self,
        FormationPublishedV1.self,
        ApplicantRegisteredV1.self,
        ApplicationStartedV1.self,
        DocumentUploadedV1.self,
        DocumentReplacedV1.self,
        ApplicationSubmittedV1.self,
        ApplicationWithdrawnV1.self,
        OfficerAccountCreatedV1.self,
        // recruitment.verification
        VerificationCaseOpenedV1.self,
        VerificationCaseClaimedV1.self,
        VerificationCaseReleasedV1.self,
        VerificationCaseClosedV1.self,
        ConflictOfInterestDeclaredV1.self,
        DocumentReviewedV1.self,
        VerificationDecisionRecordedV1.self,
        VerificationDecisionCountersignedV1.self,
        VerificationDecisionReturnedV1.self,
        AdministrativeResultsPublishedV1.self,
        ObjectionFiledV1.self,
        ObjectionResolvedV1.self,
        // recruitment.exam
        ExamSessionScheduledV1.self,
        ExamSessionRescheduledV1.self,
        CandidateAssignedV1.self,
        SkdResultRecordedV1.self,
        CandidateAbsentV1.self,
        CandidateDisqualifiedV1.self,
        SkdRankingFinalisedV1.self,
        SkbResultRecordedV1.self,
        FinalResultsComputedV1.self,
        // recruitment.announcement
        AnnouncementPublishedV1.self,
        CheckpointSignedV1.self,
        FeedbackReceivedV1.self,
        FeedbackModeratedV1.self,
        FeedbackAnsweredV1.self,
    ]

    /// The upcasters of the suite from retired event versions (none yet: every type is at v1).
    public static let catalogueUpcasters: [EventUpcaster] = []

    /// The registry of the whole catalogue, used by every service to decode what it consumes.
    public static let standard: EventRegistry = {
        do {
            return try EventRegistry(types: catalogue, upcasters: catalogueUpcasters)
        } catch {
            preconditionFailure("The event catalogue is inconsistent: \(error)")
        }
    }()
}
