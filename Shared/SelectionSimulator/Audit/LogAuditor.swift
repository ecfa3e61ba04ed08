import TransparencyLog

/// Checks published records against the transparency log exactly as an outsider would: nothing but the log's public
/// endpoints (`/v1/log/key`, `/v1/log/checkpoint`, `/v1/log/records/{id}`, `/v1/log/proofs/...`) and its public key,
/// verified with the ``TransparencyLog`` module's ``OfflineVerifier``.
struct LogAuditor: Sendable {
    let answers: PublicAnswers
    /// The announcements service's base URL (it hosts the log).
    let baseURL: String
    let key: NoteVerifierKey
    static let stage = "log-proof"

    /// Reads the log's verifier key.
    static func connect(_ answers: PublicAnswers, baseURL: String) async throws -> LogAuditor {
        let step = "GET /v1/log/key"
        let document = try await answers.get("\(baseURL)/v1/log/key", stage: stage, step: step)
        guard let text = document.json["verifierKey"] as? String else {
            throw SimulationError.malformedAnswer(step: step, detail: "no verifierKey")
        }
        do {
            return LogAuditor(answers: answers, baseURL: baseURL, key: try NoteVerifierKey(parsing: text))
        } catch {
            throw SimulationError.malformedAnswer(step: step, detail: "the verifier key does not parse: \(error)")
        }
    }

    /// The latest signed checkpoint, its signature and origin verified; nil while the log has none.
    func checkpoint() async throws -> SignedCheckpoint? {
        let step = "GET /v1/log/checkpoint"
        let note = try await answers.get("\(baseURL)/v1/log/checkpoint", stage: Self.stage, step: step,
                                         status: [200, 404])
        guard note.status == 200 else { return nil }
        do {
            return try SignedCheckpoint.open(note.text, key: key)
        } catch {
            throw SimulationError.mismatch(step: step, detail: "the checkpoint does not verify with the log's key: \(error)")
        }
    }

    /// Waits until a signed checkpoint covers at least `size` leaves (the log signs shortly after each publication).
    func checkpoint(covering size: Int, client: SuiteClient, timeout: Duration) async throws -> SignedCheckpoint {
        try await client.waitFor("a signed checkpoint covering \(size) leaves", timeout: timeout,
                                 interval: .milliseconds(500)) {
            guard let latest = try await checkpoint(), latest.checkpoint.size >= size else { return nil }
            return latest
        }
    }

    /// Checks that `newer` extends `older` (same tree, only appended): equal roots for equal sizes, else a consistency
    /// proof. An empty older tree is consistent with anything.
    func verifyConsistency(from older: SignedCheckpoint, to newer: SignedCheckpoint) async throws {
        let (from, to) = (older.checkpoint.size, newer.checkpoint.size)
        let step = "log consistency \(from) → \(to)"
        if from == 0 { return }
        guard from <= to else {
            throw SimulationError.mismatch(step: step, detail: "the log shrank from \(from) to \(to) leaves")
        }
        guard from < to else {
            guard older.checkpoint.rootHash == newer.checkpoint.rootHash else {
                throw SimulationError.mismatch(step: step, detail: "two checkpoints of \(to) leaves with different roots")
            }
            return
        }
        let answer = try await answers.get("\(baseURL)/v1/log/proofs/consistency?from=\(from)&to=\(to)",
                                           stage: Self.stage, step: step)
        do {
            let proof = try ConsistencyProofDocument(json: answer.text)
            _ = try OfflineVerifier.verifyConsistency(older: older.note, newer: newer.note, proof: proof, key: key)
        } catch {
            throw SimulationError.mismatch(step: step, detail: "\(error)")
        }
    }

    /// Fetches record `recordId` and its inclusion proof for `checkpoint`, verifies both (commitment recomputed from
    /// the record's canonical JSON and salt, inclusion against the signed root) and checks the record sits at
    /// `leafIndex`; answers the record as logged.
    func verifyRecord(_ recordId: String, leafIndex: Int, in checkpoint: SignedCheckpoint) async throws -> JSONValue {
        let step = "log record \(recordId)"
        let answer = try await answers.get("\(baseURL)/v1/log/records/\(recordId)", stage: Self.stage, step: step)
        let document: LogRecordDocument
        do {
            document = try LogRecordDocument(json: answer.text)
        } catch {
            throw SimulationError.malformedAnswer(step: step, detail: "\(error)")
        }
        guard document.recordId.lowercased() == recordId.lowercased(), document.leafIndex == leafIndex else {
            throw SimulationError.mismatch(step: step, detail: "the log has it as record \(document.recordId) at leaf "
                + "\(document.leafIndex), the announcement says leaf \(leafIndex)")
        }
        let size = checkpoint.checkpoint.size
        let proofAnswer = try await answers.get(
            "\(baseURL)/v1/log/proofs/inclusion?leafIndex=\(leafIndex)&treeSize=\(size)", stage: Self.stage,
            step: "inclusion proof of leaf \(leafIndex) in \(size)")
        do {
            let proof = try InclusionProofDocument(json: proofAnswer.text)
            _ = try OfflineVerifier.verifyRecord(document, proof: proof, checkpoint: checkpoint.note, key: key)
        } catch {
            throw SimulationError.mismatch(step: step, detail: "does not verify: \(error)")
        }
        return document.record
    }
}
