/// The whole simulated selection, decided before the first request: the formations and, for every applicant, what
/// happens at registration, verification, the SKD and the SKB. Pure and deterministic for a seed, so the expected
/// public outcome of every application is known in advance and a run can be repeated.
public struct SelectionPlan: Sendable {
    public var formations: [FormationPlan]
    public var applicants: [ApplicantPlan]
    /// Distinguishes this run's identities and e-mail addresses from other runs' (0...9999).
    public var runTag: Int

    /// The TMS reasons the verifiers give (requirement code, reason code).
    static let refusals: [(requirement: String, reason: String)] = [
        ("ijazah", "unreadable"), ("transkrip-nilai", "incomplete"), ("surat-lamaran", "missing-signature-or-stamp"),
        ("ktp", "data-mismatch"),
    ]

    /// Plans `applicantCount` applicants (≥ 1) for the formations of ``FormationPlan/kupang(applicants:)``.
    ///
    /// Shares, roughly: 4% over the age limit and 3% with a major the formation does not accept (both refused at
    /// submission; at least one of each from 20 applicants on); of the submitted, 80% MS, 12% TMS with a reason and
    /// 8% TMS followed by an objection, half of them upheld; of the SKD candidates 5% absent and one disqualified
    /// (from 30 applicants on); scores spread so that roughly a quarter miss a passing grade. `today` is the agency's
    /// calendar date, from which ages are planned well inside or outside the limits.
    public static func make(applicants applicantCount: Int, seed: UInt64, runTag: Int, today: CalendarDay)
        -> SelectionPlan
    {
        var random = SeededGenerator(seed: seed)
        let formations = FormationPlan.kupang(applicants: applicantCount)
        let identities = IdentityFactory(runTag: runTag)
        let formationShares = [40, 30, 15, 15]
        var applicants: [ApplicantPlan] = []
        applicants.reserveCapacity(applicantCount)
        var disqualifiedOne = false
        for index in 0..<applicantCount {
            var roll = Int.random(in: 0..<100, using: &random)
            var formation = 0
            while formation < formationShares.count - 1 && roll >= formationShares[formation] {
                roll -= formationShares[formation]
                formation += 1
            }
            let registration: RegistrationFate
            if applicantCount >= 20 && index == 7 || random.chance(4) && index % 5 == 2 {
                registration = .overAge
            } else if applicantCount >= 20 && index == 11 || random.chance(3) && index % 5 == 3 {
                registration = .wrongMajor
            } else {
                registration = .eligible
            }
            let female = random.chance(50)
            let age = registration == .overAge ? Int.random(in: 37...41, using: &random)
                : Int.random(in: 22...33, using: &random)
            let birth = CalendarDay(year: today.year - age - 1, month: Int.random(in: 1...12, using: &random),
                                    day: Int.random(in: 1...28, using: &random))
            let identity = identities.identity(index: index, female: female, birthDate: birth, using: &random)
            let plan = formations[formation]
            let major = registration == .wrongMajor ? "Teknik Sipil"
                : plan.majors[Int.random(in: 0..<plan.majors.count, using: &random)]
            let grade = "3." + pad(Int.random(in: 0...99, using: &random), 2)

            let verification: VerificationFate
            let verdict = Int.random(in: 0..<100, using: &random)
            if verdict < 80 {
                verification = .ms
            } else if verdict < 92 {
                let refusal = refusals[Int.random(in: 0..<refusals.count, using: &random)]
                verification = .tms(requirement: refusal.requirement, reason: refusal.reason)
            } else {
                verification = .tmsWithObjection(upheld: random.chance(50))
            }

            let skd: SkdFate
            let sitting = Int.random(in: 0..<100, using: &random)
            if applicantCount >= 30 && !disqualifiedOne && registration == .eligible && verification == .ms && index >= 20 {
                disqualifiedOne = true
                skd = .disqualified
            } else if sitting < 5 {
                skd = .absent
            } else {
                skd = scores(kind: plan.kind, using: &random)
            }
            let skb: [String: Int]? = random.chance(4) ? nil : Dictionary(
                uniqueKeysWithValues: plan.skbComponents.map { ($0.component, Int.random(in: 55...98, using: &random)) })
            applicants.append(ApplicantPlan(
                index: index, identity: identity, formation: formation, major: major, grade: grade,
                registration: registration, verification: verification, skd: skd, skb: skb))
        }
        return SelectionPlan(formations: formations, applicants: applicants, runTag: runTag)
    }

    /// SKD sub-scores: TWK and TIU in steps of 5 (0-150, 0-175), TKP 0-225; most comfortably above the passing
    /// grades of DOMAIN §2, about a quarter below one of them.
    static func scores(kind: String, using random: inout SeededGenerator) -> SkdFate {
        let strong = random.chance(75)
        let twk = 5 * (strong ? Int.random(in: 13...28, using: &random) : Int.random(in: 6...16, using: &random))
        let tiu = 5 * (strong ? Int.random(in: 17...33, using: &random) : Int.random(in: 8...20, using: &random))
        let tkp = strong ? Int.random(in: 166...215, using: &random) : Int.random(in: 120...180, using: &random)
        let intakeRoll = Int.random(in: 0..<10, using: &random)
        let via: SkdIntake = intakeRoll < 4 ? .subScores : intakeRoll < 7 ? .answerSheet : .importFile
        return .scored(twk: twk, tiu: tiu, tkp: tkp, via: via)
    }

    /// The applicants who submit, in plan order.
    public var submitting: [ApplicantPlan] { applicants.filter(\.submits) }
}
