import Foundation
import ServiceKit
import TransparencyLog

/// The transparency log's configuration: its origin (also the signing key's name), the Ed25519 key that signs its
/// checkpoints, and how often a grown log gets a new checkpoint.
struct TransparencyLogSettings: Sendable {
    enum Key {
        static let origin = ConfigurationKey(
            "ASN_LOG_ORIGIN", default: "kupangkota.go.id/asn/transparency-log",
            help: "The transparency log's origin: the first line of every checkpoint and the name of its signing "
                + "key. A schema-less URL without spaces or `+`; never change it for a running log.")
        static let signingKey = ConfigurationKey(
            "ASN_LOG_SIGNING_KEY", default: nil,
            help: "Base64 of the 32-byte Ed25519 private key (seed) that signs the log's checkpoints (C2SP signed "
                + "notes). Required; keep it stable, since verifiers trust its public key (`GET /v1/log/key`).",
            isSecret: true)
        static let checkpointInterval = ConfigurationKey(
            "ASN_LOG_CHECKPOINT_INTERVAL", default: "10",
            help: "Seconds (1-3600) between checks for a grown log; each check that finds new leaves signs a "
                + "checkpoint. Publishing an announcement also asks for one at once.")

        static var all: [ConfigurationKey] { [origin, signingKey, checkpointInterval] }
    }

    var origin: String
    var signer: NoteSigner
    var checkpointInterval: Duration

    init(reader: ConfigurationReader) throws {
        origin = try reader.string(Key.origin)
        let encodedKey = try reader.string(Key.signingKey)
        guard let seed = Data(base64Encoded: encodedKey), seed.count == 32 else {
            throw ConfigurationError.invalid(key: Key.signingKey.name, value: "(secret)",
                                             expected: "the base64 of a 32-byte Ed25519 seed")
        }
        do {
            signer = try NoteSigner(keyName: origin, seed: [UInt8](seed))
        } catch {
            throw ConfigurationError.invalid(key: Key.origin.name, value: origin,
                                             expected: "a non-empty name without spaces or '+'")
        }
        checkpointInterval = .seconds(try reader.int(Key.checkpointInterval, in: 1...3600))
    }

    init(origin: String, signer: NoteSigner, checkpointInterval: Duration) {
        self.origin = origin
        self.signer = signer
        self.checkpointInterval = checkpointInterval
    }

    /// `GET /v1/log/key`.
    var keyDocument: LogKeyDocument {
        LogKeyDocument(origin: origin, keyName: signer.keyName, verifierKey: signer.verifierKey.encoded,
                       publicKey: StrictBase64.encode(signer.verifierKey.publicKey))
    }
}
