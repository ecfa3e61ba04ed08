public import RecruitmentEvents

/// An answer option of an SKD item (DOMAIN §2): every TWK, TIU and TKP item offers five, A–E.
/// (`SchemaEnumeration`: API schemas list the five letters.)
public enum SkdOption: String, SchemaEnumeration, Hashable {
    /// Option A.
    case a = "A"
    /// Option B.
    case b = "B"
    /// Option C.
    case c = "C"
    /// Option D.
    case d = "D"
    /// Option E.
    case e = "E"
}
