public import Foundation

/// Valid, varied test identities: NIKs from Kota Kupang (53.71) that agree with their birth dates.
public enum TestApplicants {
    /// A sign-up body (`POST /v1/accounts`); `serial` makes the NIK, KK and e-mail unique (1...9999).
    public static func signUp(serial: Int, female: Bool = false,
                              birthDate: (year: Int, month: Int, day: Int) = (1995, 7, 5)) -> [String: Any]
    {
        [
            "nik": nik(serial: serial, female: female, birthDate: birthDate),
            "kkNumber": String(format: "53710%011d", serial),
            "fullName": name(serial: serial),
            "birthDate": String(format: "%04d-%02d-%02d", birthDate.year, birthDate.month, birthDate.day),
            "email": "pelamar\(serial)@example.org",
            "phone": String(format: "0812%08d", serial),
            "password": password(serial: serial),
        ]
    }

    /// The password of test applicant `serial`.
    public static func password(serial: Int) -> String { "Kupang-\(serial)-rahasia" }

    /// A submission body (`POST /v1/applications/{id}/submission`) for an S-1 Teknik Informatika graduate.
    public static func submission(major: String = "Teknik Informatika") -> [String: Any] {
        [
            "education": ["level": "S-1", "major": major, "institution": "Universitas Nusa Cendana"],
            "academicGrade": ["kind": "IPK", "value": "3.45", "scaleMaximum": "4.00"],
        ]
    }

    /// The national default documents (DOMAIN §1.3): requirement code and whether it is a PDF (else a JPEG).
    public static let nationalDocuments: [(code: String, isPDF: Bool)] = [
        ("pas-foto", false), ("swafoto", false), ("ktp", false), ("surat-lamaran", true), ("ijazah", true),
        ("transkrip-nilai", true),
    ]

    /// The initial administrator the test and demo stacks configure.
    public static let adminEmail = "admin@kupangkota.go.id"
    /// Its password.
    public static let adminPassword = "Admin-Kupang-2026"

    /// Given names the generated names are built from.
    static let givenNames = ["Maria", "Yohanes", "Agustina", "Fransiskus", "Elisabeth", "Petrus", "Yuliana", "Daniel"]
    /// Family names the generated names are built from.
    static let familyNames = ["Fanggidae", "Ndun", "Tefa", "Lakapu", "Bessie", "Manafe", "Nalle", "Sabu", "Benu"]

    /// A distinct, realistic Kupang name for each serial (letters only, as on a KTP).
    public static func name(serial: Int) -> String {
        var rest = serial
        var parts = [givenNames[rest % givenNames.count]]
        rest /= givenNames.count
        repeat {
            parts.append(familyNames[rest % familyNames.count])
            rest /= familyNames.count
        } while rest > 0
        return parts.joined(separator: " ")
    }

    /// A NIK `53 71 0d DD MM YY SSSS` (district varies with the serial so the numbers look real).
    public static func nik(serial: Int, female: Bool, birthDate: (year: Int, month: Int, day: Int)) -> String {
        let district = 1 + serial % 6
        let day = birthDate.day + (female ? 40 : 0)
        return String(format: "5371%02d%02d%02d%02d%04d", district, day, birthDate.month, birthDate.year % 100,
                      serial % 9999 + 1)
    }

    /// A selection period whose registration is open now.
    public static func openPeriod(now: Date = Date()) -> [String: Any] {
        let formatter = ISO8601DateFormatter()
        return [
            "agencyName": "Pemerintah Kota Kupang",
            "agencyCode": "KPG",
            "name": "Seleksi CPNS Kota Kupang (uji)",
            "program": "CPNS",
            "fiscalYear": 2026,
            "timeZone": "Asia/Makassar",
            "registrationOpensAt": formatter.string(from: now.addingTimeInterval(-3600)),
            "registrationClosesAt": formatter.string(from: now.addingTimeInterval(86_400)),
        ]
    }

    /// A general-kind formation accepting S-1 Teknik Informatika.
    public static func formation(position: String = "Pranata Komputer Ahli Pertama", quota: Int = 2) -> [String: Any] {
        [
            "positionName": position,
            "unitName": "Dinas Komunikasi dan Informatika Kota Kupang",
            "placement": "Kota Kupang",
            "kind": "umum",
            "quota": quota,
            "educationRequirements": [["level": "S-1", "majors": ["Teknik Informatika", "Sistem Informasi"]]],
        ]
    }
}
