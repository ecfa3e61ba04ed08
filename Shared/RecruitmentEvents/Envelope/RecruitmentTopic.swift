/// The Kafka topics of the suite: one per producing bounded context (ARCHITECTURE §4).
public enum RecruitmentTopic: String, Sendable, Codable, CaseIterable, Hashable {
    case registration = "recruitment.registration"
    case verification = "recruitment.verification"
    case exam = "recruitment.exam"
    case announcement = "recruitment.announcement"

    /// The topic name on the broker.
    public var name: String { rawValue }

    /// The CloudEvents `source` of every event the owning service produces, e.g. `/asn/registration`.
    public var source: String {
        switch self {
        case .registration: "/asn/registration"
        case .verification: "/asn/verification"
        case .exam: "/asn/exam-scoring"
        case .announcement: "/asn/announcements"
        }
    }
}
