import SelectionSimulator
import Testing

/// The simulator's plan: deterministic, valid identities the registration service accepts, and the mix of fates the
/// issue asks for (some ineligible, some TMS, objections, absences, a disqualification).
@Suite struct SelectionPlanTests {
    static let today = CalendarDay(year: 2026, month: 11, day: 29)

    static func plan(_ count: Int = 200, seed: UInt64 = 2026, runTag: Int = 17) -> SelectionPlan {
        SelectionPlan.make(applicants: count, seed: seed, runTag: runTag, today: today)
    }

    @Test func theSameSeedPlansTheSameSelection() {
        let first = Self.plan()
        let second = Self.plan()
        #expect(first.applicants == second.applicants)
        #expect(first.formations == second.formations)
        #expect(Self.plan(seed: 7).applicants != first.applicants)
    }

    @Test func everyNIKIsAValidEastNusaTenggaraNumberThatAgreesWithTheBirthDate() {
        for applicant in Self.plan(2_000).applicants {
            let identity = applicant.identity
            let nik = Array(identity.nik)
            #expect(nik.count == 16 && nik.allSatisfy(\.isNumber), "\(applicant.index)")
            #expect(identity.nik.hasPrefix("53"), "province 53 (NTT)")
            let digits = { (range: Range<Int>) in Int(String(nik[range]))! }
            #expect(digits(2..<4) != 0 && digits(4..<6) != 0, "regency and district are never 00")
            #expect(digits(6..<8) == identity.birthDate.day + (identity.female ? 40 : 0))
            #expect(digits(8..<10) == identity.birthDate.month)
            #expect(digits(10..<12) == identity.birthDate.year % 100)
            #expect(digits(12..<16) != 0, "the serial is never 0000")
            #expect(identity.kkNumber.count == 16)
            #expect(!identity.password.isEmpty && identity.password.count >= 10)
        }
    }

    @Test func identitiesAreUniqueWithinARunAndDifferBetweenRuns() {
        let plan = Self.plan(5_000)
        #expect(Set(plan.applicants.map(\.identity.nik)).count == 5_000)
        #expect(Set(plan.applicants.map(\.identity.email)).count == 5_000)
        #expect(Set(plan.applicants.map(\.identity.kkNumber)).count == 5_000)
        let other = Self.plan(5_000, runTag: 18)
        #expect(Set(plan.applicants.map(\.identity.email)).isDisjoint(with: other.applicants.map(\.identity.email)))
    }

    @Test func agesAreWellInsideOrOutsideTheLimit() {
        for applicant in Self.plan(1_000).applicants {
            let age = applicant.identity.birthDate.age(on: Self.today)
            if applicant.registration == .overAge {
                #expect(age > 35, "\(applicant.index): \(age)")
            } else {
                #expect((20...34).contains(age), "\(applicant.index): \(age)")
            }
        }
    }

    @Test func theMixHasEveryCaseTheIssueAsksFor() {
        let plan = Self.plan()
        #expect(Set(plan.formations.map(\.kind)) == ["umum", "cumlaude", "disabilitas"])
        for formation in plan.formations {
            #expect(formation.skbComponents.reduce(0) { $0 + $1.weightPercent } == 100, "\(formation.positionName)")
        }
        let applicants = plan.applicants
        #expect(applicants.contains { $0.registration == .overAge })
        #expect(applicants.contains { $0.registration == .wrongMajor })
        let submitting = plan.submitting
        #expect(submitting.count > 150)
        #expect(submitting.contains { if case .tms = $0.verification { true } else { false } })
        #expect(submitting.contains { $0.verification == .tmsWithObjection(upheld: true) })
        #expect(submitting.contains { $0.verification == .tmsWithObjection(upheld: false) })
        #expect(submitting.filter { $0.skd == .disqualified }.count == 1)
        #expect(submitting.contains { $0.skd == .absent })
        let intakes = Set(submitting.compactMap { if case .scored(_, _, _, let via) = $0.skd { via } else { nil } })
        #expect(intakes == [.subScores, .answerSheet, .importFile])
        for applicant in applicants {
            guard case .scored(let twk, let tiu, let tkp, _) = applicant.skd else { continue }
            #expect(twk % 5 == 0 && (0...150).contains(twk))
            #expect(tiu % 5 == 0 && (0...175).contains(tiu))
            #expect((0...225).contains(tkp))
        }
        let majorsAccepted = applicants.filter { $0.registration != .wrongMajor }
            .allSatisfy { plan.formations[$0.formation].majors.contains($0.major) }
        #expect(majorsAccepted)
    }
}
