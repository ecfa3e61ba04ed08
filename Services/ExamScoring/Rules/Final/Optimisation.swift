/// Filling empty posts (optimalisasi, DOMAIN §1.9) with applicants who lost on rank (P/TL).
///
/// The real optimisation is run by BKN's system across a whole agency; this reproduces the documented rules within
/// the formations of one period that are passed in (pass only one agency's formations: offers stay within the same
/// instansi).
///
/// Empty posts of a formation = quota − rows coded P/L, P/L-1 or P/L-2 placed in it (a P/L row in its own formation,
/// a moved row in its `placedFormationId`).
/// 1. **P/L-1, between kinds.** Each non-umum formation's empty posts go to the best P/TL rows of the umum formation
///    with the same post, unit, placement and set of education requirements, in final rank order. Non-umum
///    formations sharing one umum formation pool their empty posts, filled in processing order. Rows sharing a rank
///    (fully tied, DOMAIN §3.3) move together or not at all: a tied group larger than the posts left stops the
///    filling and the posts stay empty [UNCONFIRMED].
/// 2. **P/L-2, between locations.** Each formation still with empty posts, in processing order, takes the best
///    remaining P/TL rows of formations with the same post and set of education requirements at another placement or
///    unit. "Best" = higher integrated score, then higher SKD total, TKP, TIU, TWK, then participant number and
///    application id (ranks of different formations are not comparable; the last two are only a deterministic
///    order) [UNCONFIRMED].
///
/// A moved row keeps its place in its own formation's list, gets code P/L-1 or P/L-2 and `placedFormationId` = the
/// formation it fills. An applicant moves at most once, and never one who already passes. Processing order: by
/// position name, placement, unit name, kind, formation id. Formations come back in the input order; the result does
/// not depend on the input order.
public enum Optimisation {
    /// Applies both optimisation steps to the final lists of one period (see ``Optimisation``).
    public static func fill(_ formations: [FormationOutcome]) -> [FormationOutcome] {
        var state = OptimisationState(formations)
        state.moveBetweenKinds()
        state.moveBetweenLocations()
        return state.formations
    }
}
