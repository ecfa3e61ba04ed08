/// One participant's answers to an SKD paper (DOMAIN §2), in the item order of its ``SkdAnswerKey``; `nil` is a blank.
public struct SkdAnswerSheet: Sendable, Hashable, Codable {
    /// The TWK answers (30).
    public var twk: [SkdOption?]
    /// The TIU answers (35).
    public var tiu: [SkdOption?]
    /// The TKP answers (45).
    public var tkp: [SkdOption?]

    /// Creates the value; each parameter is the property of the same name.
    public init(twk: [SkdOption?], tiu: [SkdOption?], tkp: [SkdOption?]) {
        self.twk = twk
        self.tiu = tiu
        self.tkp = tkp
    }
}
