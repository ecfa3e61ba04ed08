import Foundation

/// The shared story behind every ``RecruitmentEvent/example``: the CPNS 2024 selection of the Pemerintah Kota
/// Kupang, one formation (Pranata Komputer Ahli Pertama, quota 1) and its applicants.
///
/// Maria Goreti Fanggidae registers, submits, is wrongly found TMS (an "unreadable" transcript), wins her objection,
/// sits the SKD at Politeknik Negeri Kupang (442 = 80.36 on the 0–100 scale) and the SKB, and passes. Ids are fixed so
/// that examples cross-reference each other. All names are illustrative; no example holds personal data.
enum CatalogueExamples {
    static let periodId = uuid("3ddb0b5f-e901-4afd-b35c-46b89b060a50")
    static let formationId = uuid("56b87bcb-5359-4921-a42d-7990c8bb54eb")
    /// The cumlaude formation of the same post, left empty and filled by optimisation (P/L-1).
    static let cumlaudeFormationId = uuid("6dd84164-23ea-42f4-b14a-94b22f4269de")

    static let mariaApplicantId = uuid("73099239-6c62-4b6d-9c42-367199c341ce")
    static let mariaApplicationId = uuid("4d01af47-657f-4d17-8a20-f441f6c457b7")
    static let yohanesApplicantId = uuid("cc6a9eaf-0340-4630-9a88-40d38f041554")
    static let yohanesApplicationId = uuid("6b37492b-8659-451e-be75-22f0a9533f75")
    static let dominggusApplicantId = uuid("1b17ca46-1224-4cbe-b003-9b470f2a2fcd")
    static let dominggusApplicationId = uuid("e8caf529-39e5-4ac4-adfd-29baaa3271d3")
    static let esterApplicantId = uuid("298ebafd-84d7-4208-b404-a18653b5db38")
    static let esterApplicationId = uuid("e44d6ae5-bf5e-4791-885b-fe9d9f2be6f4")
    static let yakobusApplicantId = uuid("6e9575c4-861f-4f4a-8c88-02a3694485e2")
    static let yakobusApplicationId = uuid("ddc42448-24b7-4454-89f1-a8a311964268")
    static let ruthApplicantId = uuid("4373970a-b1d4-4694-980a-6dad89f2d6f4")
    static let ruthApplicationId = uuid("d5a0f411-975a-408c-af81-c0120a1e05fc")
    static let simonApplicantId = uuid("9686039d-3d4b-4ad1-993b-6e5b3914b6a5")
    static let simonApplicationId = uuid("b76638f2-0256-4052-87e9-ff2862595944")
    static let paulusApplicantId = uuid("ca0f88c9-00b7-4844-9d9d-225d36fa59c4")
    static let paulusApplicationId = uuid("5c1bc148-e5d8-421a-a345-0cbb9e924602")
    static let fransiskaApplicantId = uuid("77a6a806-33d2-4a13-88aa-c4c4e56ef49d")
    static let fransiskaApplicationId = uuid("3cc0d909-2396-4b1e-bc84-dcf7be41a4fc")

    static let transcriptDocumentId = uuid("99f5d799-c2a0-4db0-8401-e011192ad6ff")
    static let diplomaDocumentId = uuid("a39c58a9-6eb4-46af-8c39-d226d5f93996")
    static let replacedDiplomaDocumentId = uuid("43500d80-ee58-4c21-b152-f64c18bb6a3f")
    static let photoDocumentId = uuid("6fdab76d-0af3-4d8b-8d37-11248d95ebc4")
    static let selfieDocumentId = uuid("7248db01-c3ed-4d60-ad6d-bf6dbc994afa")
    static let identityCardDocumentId = uuid("dfb09900-d2da-4aeb-bf90-e810001ae0a2")
    static let letterDocumentId = uuid("0a07a45a-9f4a-4379-ab7d-28795dbc8825")

    static let transcriptSha256 = "98d3f8f5f7fc6f9feecb3fc67bfb1cc633d1ffa4de0964d3a74f93033ae6945e"
    static let diplomaSha256 = "fa853c33e493f3ef016b2d9ac287f4d9d73aa96e33be491310033237ec9dc15d"
    static let replacedDiplomaSha256 = "004a1c904ca5e5fdc731dc95517f47a374d797f7d5559d96af4a1ff63f8decf0"
    static let photoSha256 = "93bc07490957052b49251075efad9fae7212318705380349da5aaca3c6feb581"
    static let selfieSha256 = "0ab80b375726abcd5720c53090c8cf6fdeca8c2fac582aaa1e81c38da4a68fc4"
    static let identityCardSha256 = "4e75f55a4eb76ce1945f34e20e5c0acd0bdbcfd7fc9e6129022c12c0c23a8d44"
    static let letterSha256 = "a7c8429838a0b99805e75a783a82f673db131936fdf313180ec8cc1ee5091b7b"
    static let announcementBodySha256 = "6d46c43927633f365f5f4ee4295af826ca57a8fa74a1419a8aaf20a6e3629b97"

    static let caseId = uuid("1845323e-e681-4cc2-9a32-8ff7ca67952d")
    static let decisionId = uuid("e8d557b7-cbfd-481b-8638-d027e9e0a5a8")
    static let objectionId = uuid("e9e6d106-c53c-42e7-812d-368271d83fce")
    static let publicationId = uuid("91c051da-07ed-4767-b181-c309e661f76b")
    static let verifierId = uuid("a86c7618-d742-4ea3-b78d-63eff86320da")
    static let supervisorId = uuid("8aa10f46-88e1-42ef-bb1f-ffdd35cb5413")
    /// A second verifier, who declares a conflict of interest with Maria.
    static let otherVerifierId = uuid("a8c5a22d-73ef-4978-ae80-98fa03336272")

    static let skdSessionId = uuid("877d464f-e790-4b89-814d-bc85e90a4b00")
    static let examOfficerId = uuid("d06b20d0-1ef4-44d6-8195-bc439c3094fa")
    static let skdRankingId = uuid("aa523f34-ec0c-4c16-ad11-666957db8a9d")
    static let finalResultId = uuid("4c94881c-728f-4519-b178-55ce88c0c387")

    static let announcementId = uuid("68bd8acd-4cc2-418d-9c39-0cfc9cb06124")
    static let correctedAnnouncementId = uuid("3d3c1643-442b-4e07-a734-1fafbeb175d8")
    static let announcerId = uuid("a7e45d9c-8438-49c7-ac9c-d4f8aa82be9e")
    static let adminId = uuid("0f6a3f0e-3c55-4d6b-9a43-2b8f4e9b7c21")
    static let feedbackId = uuid("cce26316-822b-4e41-94db-91ed4f22ad7d")

    static let agencyName = "Pemerintah Kota Kupang"
    static let mariaRegistrationNumber = "REG-2024-5371-000357"
    static let mariaParticipantNumber = "2453710100357"
    static let skdSite = ExamSite(
        code: "KPG-PNK",
        name: "Politeknik Negeri Kupang",
        address: "Jl. Adisucipto, Penfui, Kupang",
        regency: "Kabupaten Kupang"
    )

    /// Maria's SKD: TWK 110, TIU 130, TKP 202 = 442 (80.36 on the 0–100 scale, DOMAIN §3.2).
    static let mariaSkdScores = SkdScores(twk: 110, tiu: 130, tkp: 202, total: 442)
    /// The general-formation passing grade of 2024 (KepmenPANRB 321/2024, DOMAIN §2.1).
    static let generalPassingGrade = SkdPassingGrade(twk: 65, tiu: 80, tkp: 166, total: nil)

    static func uuid(_ text: String) -> UUID {
        guard let uuid = UUID(uuidString: text) else { preconditionFailure("invalid example UUID \(text)") }
        return uuid
    }

    static func instant(_ text: String) -> Date {
        guard let date = EventTimestamp.date(from: text) else { preconditionFailure("invalid example instant \(text)") }
        return date
    }

    static func date(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(text) else { preconditionFailure("invalid example date \(text)") }
        return date
    }

    static func decimal(_ text: String) -> ExactDecimal {
        guard let value = ExactDecimal(text) else { preconditionFailure("invalid example decimal \(text)") }
        return value
    }
}
