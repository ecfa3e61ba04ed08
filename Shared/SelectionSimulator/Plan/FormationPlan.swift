/// One formation the simulated period publishes.
public struct FormationPlan: Sendable, Hashable {
    public var positionName: String
    public var unitName: String
    /// `umum`, `cumlaude`, `disabilitas`, ... (`FormationKind` raw values).
    public var kind: String
    public var quota: Int
    /// The accepted S-1 majors.
    public var majors: [String]
    /// The SKB scheme the formation announces (`component`, weight in percent); they sum to 100 (DOMAIN §1.7).
    public var skbComponents: [(component: String, weightPercent: Int)]

    public static func == (lhs: FormationPlan, rhs: FormationPlan) -> Bool {
        lhs.positionName == rhs.positionName && lhs.kind == rhs.kind && lhs.quota == rhs.quota
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(positionName)
        hasher.combine(kind)
    }

    /// The `POST /v1/admin/periods/{id}/formations` body.
    public var requestBody: [String: Any] {
        [
            "positionName": positionName, "unitName": unitName, "placement": "Kota Kupang", "kind": kind,
            "quota": quota,
            "educationRequirements": [["level": "S-1", "majors": majors]],
            "skbComponents": skbComponents.map { ["component": $0.component, "weightPercent": String($0.weightPercent)] },
        ]
    }

    /// Kota Kupang's demo formations: one of each kind the simulator exercises, quotas scaled to `applicants` so that
    /// the SKD cut-off (3 × quota) leaves some candidates outside it.
    public static func kupang(applicants: Int) -> [FormationPlan] {
        return [
            FormationPlan(positionName: "Pranata Komputer Ahli Pertama",
                          unitName: "Dinas Komunikasi dan Informatika Kota Kupang", kind: "umum",
                          quota: max(1, applicants / 25), majors: ["Teknik Informatika", "Sistem Informasi"],
                          skbComponents: [("cat", 70), ("praktik-kerja", 30)]),
            FormationPlan(positionName: "Perawat Ahli Pertama", unitName: "RSUD S. K. Lerik Kota Kupang",
                          kind: "umum", quota: max(1, applicants / 50), majors: ["Keperawatan"],
                          skbComponents: [("cat", 100)]),
            FormationPlan(positionName: "Analis Kebijakan Ahli Pertama", unitName: "Sekretariat Daerah Kota Kupang",
                          kind: "cumlaude", quota: 1, majors: ["Ilmu Pemerintahan", "Ilmu Administrasi Negara"],
                          skbComponents: [("cat", 60), ("praktik-kerja", 40)]),
            FormationPlan(positionName: "Pengelola Layanan Operasional", unitName: "Dinas Sosial Kota Kupang",
                          kind: "disabilitas", quota: 1, majors: ["Ilmu Kesejahteraan Sosial", "Sosiologi"],
                          skbComponents: [("cat", 100)]),
        ]
    }
}
