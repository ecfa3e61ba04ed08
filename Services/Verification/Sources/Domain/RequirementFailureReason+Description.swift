import RecruitmentEvents

/// The maintained list of reasons a verifier can give for an invalid document or unmet requirement, with the
/// wording shown to officers and applicants (`GET /v1/reason-codes`). The codes themselves are the shared
/// catalogue's ``RequirementFailureReason``, so every service reads the same list.
extension RequirementFailureReason {
    /// The label in Indonesian, as applicants read it.
    var label: String {
        switch self {
        case .missing: "Dokumen tidak diunggah"
        case .unreadable: "Dokumen tidak terbaca"
        case .wrongDocument: "Dokumen yang diunggah bukan dokumen yang diminta"
        case .notOriginal: "Bukan pindaian dokumen asli"
        case .incomplete: "Dokumen tidak lengkap"
        case .missingSignatureOrStamp: "Tanda tangan, cap atau e-meterai tidak ada"
        case .dataMismatch: "Data tidak sesuai dengan data pendaftaran"
        case .educationMismatch: "Kualifikasi pendidikan tidak sesuai formasi"
        case .accreditationInsufficient: "Akreditasi tidak memenuhi syarat"
        case .ageOutOfRange: "Usia di luar batas formasi"
        case .expired: "Dokumen sudah tidak berlaku"
        case .other: "Alasan lain (lihat keterangan)"
        }
    }

    /// The meaning in English, for officers and integrators.
    var explanation: String {
        switch self {
        case .missing: "The document was not uploaded."
        case .unreadable: "The scan cannot be read."
        case .wrongDocument: "Another document was uploaded in its place."
        case .notOriginal: "Not a scan of the original."
        case .incomplete: "Pages or parts are missing."
        case .missingSignatureOrStamp: "Signature, stamp or e-meterai missing."
        case .dataMismatch: "Data disagree with the application (e.g. the name differs from the diploma)."
        case .educationMismatch: "Education level or major not among those of the formation."
        case .accreditationInsufficient: "Accreditation below what the formation requires."
        case .ageOutOfRange: "Outside the formation's age limits."
        case .expired: "The document is no longer valid (e.g. an expired STR)."
        case .other: "Another reason, explained in the free text."
        }
    }
}
