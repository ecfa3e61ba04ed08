import RecruitmentEvents

extension PassingGradeTable {
    /// The passing grades reported for 2021, 2023 and 2024 (DOMAIN §2.1, §2.2):
    ///
    /// - 2021 (KepmenPANRB 1023/2021): umum TWK 65, TIU 80, TKP 166 (each; no total); cumlaude and diaspora total
    ///   311 and TIU 85; disabilitas and putra/putri Papua total 286 and TIU 60.
    /// - 2023 (KepmenPANRB 651/2023): umum as 2021. **[UNCONFIRMED]** Only the general values were found for 2023; the
    ///   special kinds are assumed to keep the 2021 values (which 2024 also kept). Override them if the decision says
    ///   otherwise.
    /// - 2024 (KepmenPANRB 321/2024): as 2021, plus putra/putri daerah tertinggal total 286 and TIU 60.
    ///
    /// Not set, because no value was confirmed (**[UNCONFIRMED]**): putra/putri Kalimantan (IKN) and tenaga non-ASN
    /// (PPPK, DOMAIN §1.10); a lookup for them fails until configuration supplies them. The 2021 grades of doctors and
    /// of ship crew / rescuers / volcano observers apply to posts within the general kind, which this table does not
    /// distinguish.
    public static let defaults = PassingGradeTable(grades: [
        2021: commonGrades,
        2023: commonGrades,
        2024: commonGrades.merging([.putraPutriDaerahTertinggal: lowerSpecialGrade]) { current, _ in current },
    ])

    /// General formation, 2021–2024: each sub-test has a floor, the total has none (DOMAIN §2.1).
    private static let generalGrade = SkdPassingGrade(twk: 65, tiu: 80, tkp: 166)
    /// Cumlaude and diaspora: total and TIU only (DOMAIN §2.2).
    private static let higherSpecialGrade = SkdPassingGrade(tiu: 85, total: 311)
    /// Disabilitas, putra/putri Papua and (2024) daerah tertinggal: total and TIU only (DOMAIN §2.2).
    private static let lowerSpecialGrade = SkdPassingGrade(tiu: 60, total: 286)

    private static let commonGrades: [FormationKind: SkdPassingGrade] = [
        .umum: generalGrade,
        .cumlaude: higherSpecialGrade,
        .diaspora: higherSpecialGrade,
        .disabilitas: lowerSpecialGrade,
        .putraPutriPapua: lowerSpecialGrade,
    ]
}
