import TransparencyLog

/// The texts the tool checks, already read from their files.
struct VerifierInputs {
    var checkpoint: String
    var verifierKey: String
    var record: String?
    var inclusionProof: String?
    var previousCheckpoint: String?
    var consistencyProof: String?
}

/// A failed check, with the reason for the user.
struct VerifierFailure: Error {
    var message: String
}

/// The checks behind the command line.
enum VerifierRun {
    static func run(_ inputs: VerifierInputs) -> Result<String, VerifierFailure> {
        do {
            return .success(try check(inputs))
        } catch let failure as VerifierFailure {
            return .failure(failure)
        } catch {
            return .failure(VerifierFailure(message: "\(error)"))
        }
    }

    private static func check(_ inputs: VerifierInputs) throws -> String {
        let key: NoteVerifierKey
        do {
            key = try NoteVerifierKey(parsing: inputs.verifierKey)
        } catch {
            throw VerifierFailure(message: "the verifier key is not valid: \(error)")
        }
        var lines: [String] = []
        if let recordText = inputs.record, let proofText = inputs.inclusionProof {
            let record = try document("record", { () throws(LogDocumentError) in try LogRecordDocument(json: recordText) })
            let proof = try document("inclusion proof", { () throws(LogDocumentError) in
                try InclusionProofDocument(json: proofText)
            })
            do {
                let result = try OfflineVerifier.verifyRecord(record, proof: proof, checkpoint: inputs.checkpoint,
                                                              key: key)
                lines.append("OK: checkpoint signed by \(key.keyName) (key id \(key.encoded.split(separator: "+")[1]))")
                lines.append("OK: \(result.kind) record \(result.recordId) matches leaf \(result.leafIndex) "
                    + "(leaf hash \(result.leafHash.base64))")
                lines.append("OK: leaf \(result.leafIndex) is in the tree of \(result.checkpoint.size) leaves "
                    + "with root \(result.checkpoint.rootHash.base64) (\(result.checkpoint.origin))")
            } catch {
                throw VerifierFailure(message: error.description)
            }
        }
        if let previous = inputs.previousCheckpoint, let proofText = inputs.consistencyProof {
            let proof = try document("consistency proof", { () throws(LogDocumentError) in
                try ConsistencyProofDocument(json: proofText)
            })
            do {
                let (older, newer) = try OfflineVerifier.verifyConsistency(older: previous, newer: inputs.checkpoint,
                                                                           proof: proof, key: key)
                lines.append("OK: the checkpoint of \(newer.size) leaves extends the one of \(older.size) leaves")
            } catch {
                throw VerifierFailure(message: error.description)
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func document<T>(_ name: String, _ parse: () throws(LogDocumentError) -> T) throws -> T {
        do {
            return try parse()
        } catch {
            switch error {
            case .notJSON(let reason): throw VerifierFailure(message: "the \(name) file is not JSON: \(reason)")
            case .missingField(let field):
                throw VerifierFailure(message: "the \(name) file lacks a valid \"\(field)\"")
            }
        }
    }
}
