/// What an official announcement is about (DOMAIN §1 stages; §5.1 per-stage announcement letters).
public enum AnnouncementKind: String, SchemaEnumeration, Hashable {
    /// Formations and the selection schedule (DOMAIN §1.1).
    case formations = "formations"

    /// Registration matters, e.g. a deadline extension.
    case registration = "registration"

    /// Administrative (MS/TMS) results.
    case administrativeResults = "administrative-results"

    /// Administrative results after objections.
    case administrativeResultsAfterObjection = "administrative-results-after-objection"

    /// SKD or SKB schedule and sites.
    case examSchedule = "exam-schedule"

    /// SKD results with codes P/L, P, TL, TH, DIS.
    case skdResults = "skd-results"

    /// Final integrated results.
    case finalResults = "final-results"

    /// Final results after objections.
    case finalResultsAfterObjection = "final-results-after-objection"

    /// Optimisation placements (DOMAIN §1.9).
    case optimisation = "optimisation"

    /// DRH and NIP appointment steps (DOMAIN §1.8).
    case appointment = "appointment"

    /// Anything else.
    case general = "general"
}
