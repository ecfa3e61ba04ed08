/// A generated applicant's personal data: a valid NIK from East Nusa Tenggara (province 53) that agrees with the birth
/// date and sex, a KK number, a name from the region, contact details and a password. All of it stays between the
/// simulator and the registration service.
public struct ApplicantIdentity: Sendable, Hashable {
    public var nik: String
    public var kkNumber: String
    public var fullName: String
    public var female: Bool
    public var birthDate: CalendarDay
    public var email: String
    public var phone: String
    public var password: String

    /// The `POST /v1/accounts` body.
    public var signUpBody: [String: Any] {
        [
            "nik": nik, "kkNumber": kkNumber, "fullName": fullName, "birthDate": birthDate.iso,
            "email": email, "phone": phone, "password": password,
        ]
    }
}

/// A calendar date without a time zone.
public struct CalendarDay: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whole years from this date to `other` (birthday rule: the year counts once the month and day are reached).
    public func age(on other: CalendarDay) -> Int {
        other.year - year - ((other.month, other.day) < (month, day) ? 1 : 0)
    }
}

/// `value` as decimal digits, left-padded with zeros to `width`.
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

/// Builds identities. The run tag (e.g. the seed and a time component) goes into the NIK serial, KK number, e-mail
/// and phone, so that several runs against one suite never collide on "one account per NIK".
public struct IdentityFactory: Sendable {
    /// Regency/city codes of province 53 (Nusa Tenggara Timur) with a few district counts; 71 is Kota Kupang.
    static let regencies: [(code: Int, districts: Int)] = [
        (71, 6), (1, 24), (2, 21), (3, 24), (4, 32), (5, 9), (6, 17), (7, 12), (8, 26), (10, 15), (12, 22), (13, 11),
    ]
    static let givenFemale = ["Maria", "Agustina", "Elisabeth", "Yuliana", "Marlin", "Yohana", "Theresia", "Selfina",
                              "Margaretha", "Ester", "Debora", "Imelda"]
    static let givenMale = ["Yohanes", "Fransiskus", "Petrus", "Daniel", "Marthen", "Yosef", "Stefanus", "Aloysius",
                            "Yakobus", "Melkianus", "Obed", "Herman"]
    static let family = ["Fanggidae", "Ndun", "Tefa", "Lakapu", "Bessie", "Manafe", "Nalle", "Sabu", "Benu", "Kase",
                         "Lay", "Messakh", "Ratu", "Pah", "Toy", "Adoe", "Mooy", "Foeh", "Kana", "Tanone"]

    /// Distinguishes this run's identities from earlier runs' (0...9999).
    public var runTag: Int

    public init(runTag: Int) {
        self.runTag = runTag % 10_000
    }

    /// The identity of applicant `index` (0-based, < 100,000), born on `birthDate`.
    public func identity(index: Int, female: Bool, birthDate: CalendarDay, using random: inout SeededGenerator)
        -> ApplicantIdentity
    {
        let regency = Self.regencies[index % Self.regencies.count]
        let district = 1 + Int.random(in: 0..<regency.districts, using: &random)
        let day = birthDate.day + (female ? 40 : 0)
        // The serial (1-9999) with the birth date, regency and district makes the NIK unique for this run; the run
        // tag varies the serial between runs.
        let serial = 1 + (index / Self.regencies.count * 7 + runTag) % 9_999
        let nik = "53" + pad(regency.code, 2) + pad(district, 2) + pad(day, 2) + pad(birthDate.month, 2)
            + pad(birthDate.year % 100, 2) + pad(serial, 4)
        let given = (female ? Self.givenFemale : Self.givenMale)
        let name = given[Int.random(in: 0..<given.count, using: &random)] + " "
            + Self.family[Int.random(in: 0..<Self.family.count, using: &random)] + " "
            + Self.family[(index / 3) % Self.family.count]
        let unique = runTag * 100_000 + index
        return ApplicantIdentity(
            nik: nik,
            kkNumber: "53" + pad(regency.code, 2) + pad(unique, 12),
            fullName: name,
            female: female,
            birthDate: birthDate,
            email: "sim\(pad(runTag, 4)).\(index)@example.org",
            phone: "0813" + pad(unique % 100_000_000, 8),
            password: "Simulasi-\(pad(runTag, 4))-\(index)!")
    }
}
