/// Who may sit the SKD (DOMAIN §1.4-1.6), as SQL over `applications a`: a final MS administrative result (an upheld
/// objection included), published for the formation or the whole period, not withdrawn, and no SKD seat yet. Seating
/// uses it to choose candidates; finalising a ranking uses it to refuse while any of them is still unseated.
enum SkdEligibility {
    /// Joins for the `FROM applications a` of a query.
    static let join = """
        JOIN administrative_results r ON r.application_id = a.application_id AND r.outcome = 'MS' AND r.final
        """

    /// Conditions to `AND` to its `WHERE`.
    static let unseated = """
        a.withdrawn_at IS NULL
          AND EXISTS (SELECT 1 FROM administrative_publications ap
                      WHERE ap.period_id = a.period_id
                        AND (ap.formation_id IS NULL OR ap.formation_id = a.formation_id))
          AND NOT EXISTS (SELECT 1 FROM seats s WHERE s.application_id = a.application_id AND s.stage = 'SKD')
        """
}
