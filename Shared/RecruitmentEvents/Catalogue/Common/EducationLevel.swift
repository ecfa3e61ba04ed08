/// An education level (jenjang pendidikan) as written in formation requirements.
public enum EducationLevel: String, SchemaEnumeration, Hashable {
    /// Senior high school or equivalent (SMA/SMK/MA).
    case sma = "SMA"

    /// Diploma I.
    case d1 = "D-I"

    /// Diploma II.
    case d2 = "D-II"

    /// Diploma III.
    case d3 = "D-III"

    /// Diploma IV (applied bachelor); not accepted for cumlaude (DOMAIN §1.1).
    case d4 = "D-IV"

    /// Bachelor.
    case s1 = "S-1"

    /// Professional education after S-1 (e.g. dokter, ners, apoteker).
    case profesi = "Profesi"

    /// Master.
    case s2 = "S-2"

    /// Medical specialist education.
    case spesialis = "Spesialis"

    /// Doctorate.
    case s3 = "S-3"
}
