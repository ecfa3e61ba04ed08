/// Where an SKD result came from (ARCHITECTURE §2: answer sheets or imported sub-scores; DOMAIN §1.6: a score that met
/// the
/// passing grade may be reused in the next period).
public enum SkdScoreSource: String, SchemaEnumeration, Hashable {
    /// Scored by the exam service from the CAT answer sheet.
    case answerSheet = "answer-sheet"

    /// Imported sub-scores (e.g. the official CAT BKN export).
    case imported = "import"

    /// The applicant confirmed reuse of the previous period's SKD.
    case reusedFromPreviousPeriod = "reused-previous-period"
}
