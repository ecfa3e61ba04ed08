/// The SKD sub-scores and total of one applicant (DOMAIN §2): TWK 0–150 and TIU 0–175 in steps of 5, TKP 0–225,
/// total = TWK + TIU + TKP (max 550). Sub-scores are kept because they break ties (DOMAIN §3.1, §3.3).
public struct SkdScores: Sendable, Hashable, Codable {
    /// Tes Wawasan Kebangsaan, 0–150, a multiple of 5.
    public var twk: Int
    /// Tes Intelegensia Umum, 0–175, a multiple of 5.
    public var tiu: Int
    /// Tes Karakteristik Pribadi, 0–225.
    public var tkp: Int
    /// TWK + TIU + TKP, 0–550.
    public var total: Int

    /// Creates the value; each parameter is the property of the same name.
    public init(twk: Int, tiu: Int, tkp: Int, total: Int) {
        self.twk = twk
        self.tiu = tiu
        self.tkp = tkp
        self.total = total
    }
}
