/// The answer key of one SKD paper (DOMAIN §2): the correct option of each TWK and TIU item, and the weight (1–5) of
/// every option of each TKP item.
///
/// In JSON a TKP item is an object keyed by option letter, e.g. `{"A":3,"B":5,"C":1,"D":2,"E":4}`. Decoding does not
/// check the layout: call ``validated()`` before scoring with a key from outside.
public struct SkdAnswerKey: Sendable, Hashable, Codable {
    /// The correct option of each TWK item (30 in a valid key).
    public var twk: [SkdOption]
    /// The correct option of each TIU item (35 in a valid key).
    public var tiu: [SkdOption]
    /// The weight of each option letter of each TKP item (45 in a valid key; keys `A`–`E`, weights 1–5).
    public var tkp: [[String: Int]]

    /// Creates the value; each parameter is the property of the same name.
    public init(twk: [SkdOption], tiu: [SkdOption], tkp: [[String: Int]]) {
        self.twk = twk
        self.tiu = tiu
        self.tkp = tkp
    }
}
