import Foundation
import Synchronization

/// The verifiers work the queue: each case is claimed, every document opened (the service checks it against the
/// SHA-256 registration announced) and given a verdict, then decided MS or TMS with the planned reason; a supervisor
/// countersigns every TMS and publishes each formation's administrative results, which opens the objection window.
/// The planned objectors object; the supervisor upholds or rejects each. The after-objection round can only be
/// published once the window has closed (days later), so the run notes when that will be.
struct VerificationStage: SimulationStage {
    let name = "verification"

    func run(_ context: SimulationContext) async throws {
        let officers = try context.officers
        let submitted = context.plan.submitting
        let total = submitted.count
        let done = Atomic<Int>(0)
        try await context.forEach(submitted) { applicant in
            let verifier = officers.verifiers[applicant.index % max(1, officers.verifiers.count)]
            try await verify(applicant, verifier: verifier, supervisor: officers.supervisor, context: context)
            let count = done.add(1, ordering: .relaxed).newValue
            if count % max(1, total / 10) == 0 || count == total {
                context.say("verification: \(count)/\(total) cases decided")
            }
        }
        try await publish(context, supervisor: officers.supervisor)
        try await objections(context, supervisor: officers.supervisor)
    }

    /// The case of `applicant`, once the verification service has opened it from the registration topic.
    func caseId(of applicant: ApplicantPlan, token: String, context: SimulationContext) async throws -> String {
        guard let applicationId = context.state.applicant(applicant.index).applicationId else {
            throw SimulationError.mismatch(step: "verification", detail: "applicant \(applicant.index) has no application")
        }
        let url = "\(context.endpoints.verification)/v1/cases?applicationId=\(applicationId)"
        return try await context.client.waitFor("case of application \(applicationId)",
                                                timeout: context.options.propagationTimeout) {
            let answer = try await context.client.expect("GET", url, token: token, stage: "case-lookup", status: 200)
            return (answer.items.first?["caseId"] as? String)?.lowercased()
        }
    }

    func verify(_ applicant: ApplicantPlan, verifier: String, supervisor: String, context: SimulationContext)
        async throws
    {
        let client = context.client
        let base = "\(context.endpoints.verification)/v1/cases"
        let caseId = try await caseId(of: applicant, token: verifier, context: context)
        context.state.update(applicant.index) { $0.caseId = caseId }
        _ = try await client.expect("POST", "\(base)/\(caseId)/claim", token: verifier, stage: "claim",
                                    step: "claim case \(caseId)", status: 200)
        let view = try await client.expect("GET", "\(base)/\(caseId)", token: verifier, stage: "case", status: 200)
        let refused: String? = switch applicant.verification {
        case .ms: nil
        case .tms(let requirement, _): requirement
        case .tmsWithObjection: "ijazah"
        }
        let reason: String = switch applicant.verification {
        case .tms(_, let reason): reason
        default: "unreadable"
        }
        for document in view.json["documents"] as? [[String: Any]] ?? [] {
            guard let documentId = document["documentId"] as? String,
                let code = document["requirementCode"] as? String
            else { continue }
            _ = try await client.expect("GET", "\(base)/\(caseId)/documents/\(documentId)", token: verifier,
                                        stage: "open-document", step: "open \(code) of case \(caseId)", status: 200)
            let verdict: [String: Any] = code == refused
                ? ["verdict": "invalid", "reasonCode": reason, "note": Self.explanation(code: code, reason: reason)]
                : ["verdict": "valid"]
            _ = try await client.expect("PUT", "\(base)/\(caseId)/documents/\(documentId)/review", token: verifier,
                                        body: .json(.init(verdict)), stage: "review",
                                        step: "review \(code) of case \(caseId)", status: 200)
        }
        let decision: [String: Any] = refused.map {
            ["outcome": "TMS", "unmetRequirements": [
                ["requirementCode": $0, "reasonCode": reason, "explanation": Self.explanation(code: $0, reason: reason)],
            ]]
        } ?? ["outcome": "MS"]
        _ = try await client.expect("POST", "\(base)/\(caseId)/decision", token: verifier,
                                    body: .json(.init(decision)), stage: "decide", step: "decide case \(caseId)",
                                    status: 201)
        if refused != nil {
            _ = try await client.expect("POST", "\(base)/\(caseId)/countersignature", token: supervisor,
                                        stage: "countersign", step: "countersign case \(caseId)", status: 201)
        }
    }

    /// The verifier's note to the applicant (free text; it stays between them and is never public).
    static func explanation(code: String, reason: String) -> String {
        "Dokumen \(code) tidak memenuhi syarat (\(reason)); periksa kembali pindaian yang diunggah."
    }

    /// Publishes each formation's initial administrative results (probing a second publication).
    func publish(_ context: SimulationContext, supervisor: String) async throws {
        let client = context.client
        var closesAt: String?
        for (index, formationId) in context.state.formationIds.enumerated() {
            guard context.plan.submitting.contains(where: { $0.formation == index }) else {
                context.state.note("formation \(index + 1) has no submitted application; nothing to publish")
                continue
            }
            let url = "\(context.endpoints.verification)/v1/formations/\(formationId)/administrative-results"
            let published = try await client.expect(
                "POST", url, token: supervisor, body: .json(.init(["round": "initial"])), stage: "publish-results",
                step: "publish the administrative results of formation \(index + 1)", status: 201)
            closesAt = (published.json["objectionWindow"] as? [String: Any])?["closesAt"] as? String ?? closesAt
            if index == 0 {
                context.probes.check(
                    "second publication of the same round",
                    try await client.send("POST", url, token: supervisor, body: .json(.init(["round": "initial"])),
                                          stage: "publish-results"),
                    status: 409, type: "already-published")
            }
        }
        let counts = Dictionary(grouping: context.plan.submitting, by: \.initialOutcome).mapValues(\.count)
        context.say("verification: administrative results published (MS \(counts["MS"] ?? 0), TMS \(counts["TMS"] ?? 0)); "
            + "objections until \(closesAt ?? "-")")
        if let closesAt {
            context.state.note("the after-objection round can be published once the objection window closes (\(closesAt))")
        }
    }

    /// The planned objections, filed by the applicants and answered by the supervisor.
    func objections(_ context: SimulationContext, supervisor: String) async throws {
        let client = context.client
        let base = context.endpoints.verification
        let objectors = context.plan.submitting.filter {
            if case .tmsWithObjection = $0.verification { return true }
            return false
        }
        if let ms = context.plan.submitting.first(where: { $0.verification == .ms }) {
            let record = context.state.applicant(ms.index)
            context.probes.check(
                "objection to an MS result",
                try await client.send(
                    "POST", "\(base)/v1/applications/\(record.applicationId ?? "-")/objection", token: record.token,
                    body: .json(.init(["disputedRequirementCodes": ["ijazah"], "reason": "Tidak ada."])),
                    stage: "objection"),
                status: 409, type: "objection-not-applicable")
        }
        var upheld = 0
        for (position, applicant) in objectors.enumerated() {
            let record = context.state.applicant(applicant.index)
            guard let applicationId = record.applicationId, let caseId = record.caseId else { continue }
            let body: [String: Any] = [
                "disputedRequirementCodes": ["ijazah"],
                "reason": "Ijazah saya hasil pindaian asli dan terbaca jelas; mohon diperiksa kembali.",
            ]
            _ = try await client.expect(
                "POST", "\(base)/v1/applications/\(applicationId)/objection", token: record.token,
                body: .json(.init(body)), stage: "objection", step: "objection of applicant \(applicant.index)",
                status: 201)
            if position == 0 {
                context.probes.check(
                    "second objection by the same applicant",
                    try await client.send("POST", "\(base)/v1/applications/\(applicationId)/objection",
                                          token: record.token, body: .json(.init(body)), stage: "objection"),
                    status: 409, type: "objection-already-filed")
            }
            guard case .tmsWithObjection(let isUpheld) = applicant.verification else { continue }
            let answer: [String: Any] = isUpheld
                ? ["outcome": "upheld", "answer": "Sanggah diterima: ijazah terbaca setelah diperiksa ulang. Status menjadi MS."]
                : ["outcome": "rejected", "answer": "Sanggah ditolak: halaman ijazah tetap tidak terbaca."]
            let resolved = try await client.expect(
                "POST", "\(base)/v1/cases/\(caseId)/objection/resolution", token: supervisor,
                body: .json(.init(answer)), stage: "objection-answer",
                step: "answer the objection of applicant \(applicant.index)", status: 201)
            let outcome = resolved.json["finalOutcome"] as? String
            guard outcome == (isUpheld ? "MS" : "TMS") else {
                throw SimulationError.mismatch(
                    step: "objection of applicant \(applicant.index)",
                    detail: "final outcome \(outcome ?? "none") after a \(isUpheld ? "upheld" : "rejected") objection")
            }
            if isUpheld { upheld += 1 }
        }
        context.say("verification: \(objectors.count) objections answered, \(upheld) upheld")
    }
}
