/// The criterion that ordered an applicant below the one ranked just above with an equal integrated score (DOMAIN
/// §3.3).
public enum FinalTieBreak: String, SchemaEnumeration, Hashable {
    /// Higher SKD total.
    case skdTotal = "skd-total"

    /// Higher TKP.
    case tkp = "tkp"

    /// Higher TIU.
    case tiu = "tiu"

    /// Higher TWK.
    case twk = "twk"

    /// Higher GPA or average diploma grade.
    case academicGrade = "academic-grade"

    /// Older applicant first; decided from an ordering supplied by the registration service, without birth dates.
    case age = "age"
}
