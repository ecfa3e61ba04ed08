/// The letter an announcement is published as: its official number and its Indonesian title and text, as Kota
/// Kupang's BKPSDM would write them.
struct AnnouncementLetter: Sendable, Hashable {
    var number: String
    var title: String
    var text: String

    /// The letter for `kind` (an `AnnouncementKind` raw value) about `formation` (plan index `formationIndex`) in run
    /// `runTag`, dated in `year`. The number `800/<run tag>-<seq>/BKPSDM/<year>` is unique per run: seq is the kind's
    /// hundred plus the formation's position.
    init(kind: String, formation: FormationPlan, formationIndex: Int, runTag: Int, year: Int) {
        let hundred = switch kind {
        case "administrative-results": 100
        case "administrative-results-after-objection": 200
        case "skd-results": 300
        case "final-results": 400
        default: 900
        }
        number = "800/\(pad(runTag % 10_000, 4))-\(hundred + formationIndex + 1)/BKPSDM/\(year)"
        let subject = switch kind {
        case "administrative-results": "Hasil Seleksi Administrasi"
        case "administrative-results-after-objection": "Hasil Seleksi Administrasi Pasca Sanggah"
        case "skd-results": "Hasil Seleksi Kompetensi Dasar (SKD)"
        case "final-results": "Hasil Akhir Seleksi"
        default: "Informasi Seleksi"
        }
        title = "Pengumuman \(subject) Pengadaan CPNS Pemerintah Kota Kupang Tahun Anggaran \(year) "
            + "Formasi \(formation.positionName) (\(Self.kindLabel(formation.kind)))"
        text = "Berdasarkan hasil \(subject.lowercased()) pengadaan Calon Pegawai Negeri Sipil di lingkungan "
            + "Pemerintah Kota Kupang, dengan ini diumumkan hasil untuk formasi \(formation.positionName) pada "
            + "\(formation.unitName). Daftar peserta beserta hasilnya tercantum dalam lampiran pengumuman ini."
    }

    /// The formation kind as an announcement names it.
    static func kindLabel(_ kind: String) -> String {
        switch kind {
        case "umum": "Umum"
        case "cumlaude": "Lulusan Cumlaude"
        case "disabilitas": "Penyandang Disabilitas"
        case "putra-putri-papua": "Putra/Putri Papua"
        case "diaspora": "Diaspora"
        default: kind
        }
    }
}
