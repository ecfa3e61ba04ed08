import Crypto
import Foundation
import ServiceKit

/// Protects the identity numbers this service must keep: NIK and KK are encrypted at rest (AES-256-GCM) and
/// uniqueness of NIKs is enforced through a keyed hash (HMAC-SHA-256), so the database holds no plain-text NIK index.
///
/// Both keys come from configuration; losing the encryption key makes stored numbers unreadable, and changing the
/// index key requires re-indexing (deploy/README.md explains rotation).
struct PersonalDataProtection: Sendable {
    // Raw key bytes (SymmetricKey is not Sendable); keys are rebuilt per use, which costs a copy of 32 bytes.
    private let encryptionKeyBytes: Data
    private let indexKeyBytes: Data
    private var encryptionKey: SymmetricKey { SymmetricKey(data: encryptionKeyBytes) }
    private var indexKey: SymmetricKey { SymmetricKey(data: indexKeyBytes) }

    enum KeyError: Error, Equatable {
        case notBase64
        case wrongLength(Int)
    }

    enum DecryptionError: Error {
        case corrupt
    }

    /// Both keys as base64 of exactly 32 random bytes.
    init(encryptionKeyBase64: String, indexKeyBase64: String) throws(KeyError) {
        self.encryptionKeyBytes = try Self.key(encryptionKeyBase64)
        self.indexKeyBytes = try Self.key(indexKeyBase64)
    }

    static func key(_ base64: String) throws(KeyError) -> Data {
        guard let data = Data(base64Encoded: base64) else { throw .notBase64 }
        guard data.count == 32 else { throw .wrongLength(data.count) }
        return data
    }

    /// The keyed hash used as the unique index of a NIK (hex).
    func index(ofNIK nik: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(("nik:" + nik).utf8), using: indexKey).lowercaseHex
    }

    /// Encrypts `plaintext`; the output (nonce + ciphertext + tag) differs on every call.
    func seal(_ plaintext: String) throws -> Data {
        guard let combined = try AES.GCM.seal(Data(plaintext.utf8), using: encryptionKey).combined else {
            throw DecryptionError.corrupt
        }
        return combined
    }

    /// Decrypts what ``seal(_:)`` produced.
    func open(_ sealed: Data) throws -> String {
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            return String(decoding: try AES.GCM.open(box, using: encryptionKey), as: UTF8.self)
        } catch {
            throw DecryptionError.corrupt
        }
    }
}
