/// A component of the SKB (DOMAIN §1.7): CAT is mandatory; the rest are optional extra tests whose weights the
/// formation
/// announces (regional agencies: CAT ≥ 60%, at most one extra test and no interview; central: CAT ≥ 50%, interview
/// ≤ 30%, certificate ≤ 20%).
public enum SkbComponent: String, SchemaEnumeration, Hashable {
    /// Computer-assisted test of the field (mandatory).
    case cat = "cat"

    /// Psychological test.
    case psikotes = "psikotes"

    /// Academic potential test.
    case tesPotensiAkademik = "tes-potensi-akademik"

    /// Language test.
    case tesBahasa = "tes-bahasa"

    /// Mental health test.
    case tesKesehatanJiwa = "tes-kesehatan-jiwa"

    /// Physical fitness test.
    case tesKesegaranJasmani = "tes-kesegaran-jasmani"

    /// Work practice.
    case praktikKerja = "praktik-kerja"

    /// Competency certificate.
    case sertifikatKompetensi = "sertifikat-kompetensi"

    /// Interview (central agencies only).
    case wawancara = "wawancara"
}
