/// A computer-assisted test stage of a CPNS selection (DOMAIN §1.6, §1.7).
public enum ExamStage: String, SchemaEnumeration, Hashable {
    /// Seleksi Kompetensi Dasar: TWK, TIU, TKP.
    case skd = "SKD"

    /// Seleksi Kompetensi Bidang: CAT plus optional extra tests.
    case skb = "SKB"
}
