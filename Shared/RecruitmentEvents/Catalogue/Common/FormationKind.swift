/// The kind of need (jenis kebutuhan) of a formation (DOMAIN §1.1). It decides the documents required and the SKD
/// passing
/// grade (DOMAIN §2.1, §2.2); optimisation moves applicants between kinds of the same post (DOMAIN §1.9, code P/L-1).
public enum FormationKind: String, SchemaEnumeration, Hashable {
    /// General formation.
    case umum = "umum"

    /// Best graduates (lulusan terbaik): at least S-1 from an A/Unggul university and programme.
    case cumlaude = "cumlaude"

    /// Indonesian diaspora.
    case diaspora = "diaspora"

    /// Applicants with a disability (doctor's letter and a short video).
    case disabilitas = "disabilitas"

    /// Native Papuans (birth certificate and village/tribal head letter).
    case putraPutriPapua = "putra-putri-papua"

    /// Native Kalimantan applicants for IKN posts.
    case putraPutriKalimantan = "putra-putri-kalimantan"

    /// Applicants from disadvantaged regions.
    case putraPutriDaerahTertinggal = "putra-putri-daerah-tertinggal"

    /// PPPK: former honorary / non-ASN staff (THK-II), DOMAIN §1.10.
    case tenagaNonAsn = "tenaga-non-asn"
}
