public import Foundation

/// An administrator created an officer account (ARCHITECTURE §6). Other services learn officer names and roles from
/// it, so decisions and announcements can say who acted. The officer's e-mail address and password stay in the
/// registration service.
public struct OfficerAccountCreatedV1: RecruitmentEvent {
    public static let eventType = "asn.registration.officer-account-created.v1"
    public static let topic = RecruitmentTopic.registration

    /// The officer's account id: the `sub` of their access tokens and the actor id in every event they cause.
    public var officerId: UUID
    /// The name shown next to their actions.
    public var displayName: String
    /// What they may do.
    public var roles: [OfficerRole]
    /// The administrator who created the account; `nil` for the initial administrator from configuration.
    public var createdBy: UUID?

    /// Creates the value; each parameter is the property of the same name.
    public init(officerId: UUID, displayName: String, roles: [OfficerRole], createdBy: UUID?) {
        self.officerId = officerId
        self.displayName = displayName
        self.roles = roles
        self.createdBy = createdBy
    }

    /// Partition key: the officer id.
    public var partitionKey: String { officerId.eventKey }

    /// Subject: `officer/<officer id>`.
    public var subject: String { "officer/\(officerId.eventKey)" }
}

extension OfficerAccountCreatedV1 {
    public static var example: Self {
        OfficerAccountCreatedV1(
            officerId: CatalogueExamples.verifierId,
            displayName: "Yuliana Ndun",
            roles: [.verifier],
            createdBy: CatalogueExamples.adminId
        )
    }
}
