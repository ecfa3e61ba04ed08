/// Which grade an applicant reports for the final tie-break (DOMAIN §3.3 step 3).
public enum AcademicGradeKind: String, SchemaEnumeration, Hashable {
    /// Grade point average, for diploma, bachelor and master graduates.
    case ipk = "IPK"

    /// Average diploma grade, for senior-high graduates.
    case rataRataIjazah = "rata-rata-ijazah"
}
