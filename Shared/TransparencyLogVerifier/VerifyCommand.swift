import ArgumentParser
import Foundation
import TransparencyLog

/// `asn-log-verify`: checks, offline, that a published record is in the announcements service's transparency log
/// (ARCHITECTURE §7), and optionally that one signed checkpoint extends another.
@main
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "asn-log-verify",
        abstract: "Verify a record of the ASN recruitment transparency log offline.",
        discussion: """
            Files to download from the announcements service (no account):
              record.json     GET /v1/log/records/{recordId}
              checkpoint.txt  GET /v1/log/checkpoint (the signed note)
              inclusion.json  GET /v1/log/proofs/inclusion
                                ?leafIndex=<record's leafIndex>
                                &treeSize=<the checkpoint's size>
              the key         GET /v1/log/key ("verifierKey"); better,
                              from a source you trust

            Is a record in the log?
              asn-log-verify --record record.json --proof inclusion.json
                --checkpoint checkpoint.txt --key '<name>+<key id>+<key>'

            It checks the checkpoint's Ed25519 signature (C2SP signed
            note), recomputes the record's leaf hash
              SHA-256(0x00 || SHA-256(salt || canonical JSON of record))
            (RFC 8785 canonical JSON) and verifies the RFC 9162 inclusion
            proof against the checkpoint's root hash.

            (Each command is one line.)

            Does a newer checkpoint extend an older one (no rewritten
            history)? With consistency.json from
            GET /v1/log/proofs/consistency?from=<old size>&to=<new size>:
              asn-log-verify --checkpoint new.txt
                --previous-checkpoint old.txt
                --consistency-proof consistency.json --key-file key.txt

            Both checks can run in one call. Exit status: 0 when all
            verifies, 1 when a check fails (the reason is printed), 64 for
            usage errors.
            """
    )

    @Option(help: "The checkpoint (signed note text) the record and proofs are checked against.")
    var checkpoint: String

    @Option(help: "The log's verifier key string <name>+<key id>+<base64 key>.")
    var key: String?

    @Option(help: "A file holding the verifier key string (instead of --key).")
    var keyFile: String?

    @Option(help: "The record JSON (GET /v1/log/records/{recordId}).")
    var record: String?

    @Option(help: "The inclusion proof JSON for the record in the checkpoint's tree.")
    var proof: String?

    @Option(help: "An older checkpoint that --checkpoint must extend.")
    var previousCheckpoint: String?

    @Option(help: "The consistency proof JSON from --previous-checkpoint to --checkpoint.")
    var consistencyProof: String?

    func validate() throws {
        guard (key == nil) != (keyFile == nil) else { throw ValidationError("Give exactly one of --key and --key-file.") }
        guard (record == nil) == (proof == nil) else { throw ValidationError("--record and --proof go together.") }
        guard (previousCheckpoint == nil) == (consistencyProof == nil) else {
            throw ValidationError("--previous-checkpoint and --consistency-proof go together.")
        }
        guard record != nil || previousCheckpoint != nil else {
            throw ValidationError("Nothing to check: give --record and --proof, or a previous checkpoint.")
        }
    }

    func run() throws {
        let inputs = VerifierInputs(
            checkpoint: try Self.read(checkpoint),
            verifierKey: try key ?? Self.read(keyFile!),
            record: try record.map(Self.read),
            inclusionProof: try proof.map(Self.read),
            previousCheckpoint: try previousCheckpoint.map(Self.read),
            consistencyProof: try consistencyProof.map(Self.read))
        switch VerifierRun.run(inputs) {
        case .success(let report):
            print(report)
        case .failure(let failure):
            FileHandle.standardError.write(Data("asn-log-verify: INVALID: \(failure.message)\n".utf8))
            throw ExitCode.failure
        }
    }

    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("Cannot read \(path).")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ValidationError("\(path) is not UTF-8 text.") }
        return text
    }
}
