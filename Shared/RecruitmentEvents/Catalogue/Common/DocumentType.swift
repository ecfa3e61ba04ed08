/// The type of an uploaded document (DOMAIN §1.3 and the special-formation documents of §1.1). Only metadata and the
/// SHA-256 of a document travel in events, never its bytes.
public enum DocumentType: String, SchemaEnumeration, Hashable {
    /// Passport photo, red background (JPG, 200 KB).
    case pasFoto = "pas-foto"

    /// Selfie (JPG, 200 KB).
    case swafoto = "swafoto"

    /// Scan of the identity card (JPG, 200 KB). Its content never leaves the registration service.
    case ktp = "ktp"

    /// Application letter (PDF, 300 KB).
    case suratLamaran = "surat-lamaran"

    /// Diploma (PDF, 800 KB).
    case ijazah = "ijazah"

    /// Academic transcript (PDF, 500 KB).
    case transkripNilai = "transkrip-nilai"

    /// Teaching certificate (Serdik), where required.
    case sertifikatPendidik = "sertifikat-pendidik"

    /// Registration certificate (STR) for health posts.
    case suratTandaRegistrasi = "surat-tanda-registrasi"

    /// Teacher assignment letter (THK-2, 2024; PDF, 500 KB).
    case suratPenugasanGuru = "surat-penugasan-guru"

    /// Signed statement (with e-meterai in 2024).
    case suratPernyataan = "surat-pernyataan"

    /// Proof of university / programme accreditation (cumlaude).
    case buktiAkreditasi = "bukti-akreditasi"

    /// Diploma equivalence letter for foreign graduates.
    case suratPenyetaraanIjazah = "surat-penyetaraan-ijazah"

    /// Doctor's letter (disabilitas formation).
    case suratKeteranganDokter = "surat-keterangan-dokter"

    /// Short video of daily activity (disabilitas formation).
    case videoAktivitas = "video-aktivitas"

    /// Birth certificate (putra/putri Papua). Only its metadata travels.
    case aktaKelahiran = "akta-kelahiran"

    /// Letter of the village or tribal head (putra/putri Papua).
    case suratKeteranganAdat = "surat-keterangan-adat"

    /// Other agency-specific supporting document (PDF, 800 KB).
    case dokumenPendukung = "dokumen-pendukung"
}
