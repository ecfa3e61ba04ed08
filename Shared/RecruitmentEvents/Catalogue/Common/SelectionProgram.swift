/// The kind of selection a period runs (DOMAIN §1, §1.10).
public enum SelectionProgram: String, SchemaEnumeration, Hashable {
    /// Candidate civil servant (PNS): SKD then SKB, integration 40/60, probation.
    case cpns = "CPNS"

    /// Contract civil servant: one "Seleksi Kompetensi" instead of SKD/SKB (scoring [UNCONFIRMED]).
    case pppk = "PPPK"
}
