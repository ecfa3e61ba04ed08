/// Which administrative result announcement (DOMAIN §1, timeline: result, masa sanggah, post-objection announcement).
public enum AdministrativeAnnouncementRound: String, SchemaEnumeration, Hashable {
    /// The first announcement; it opens the objection window.
    case initial = "initial"

    /// The announcement after objections were answered; no new window.
    case afterObjection = "after-objection"
}
