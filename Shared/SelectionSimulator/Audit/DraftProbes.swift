/// The deliberate bad requests around drafting and publishing an announcement: each must be refused with the
/// expected problem+json (``ProbeLog``).
struct DraftProbes: Sendable {
    let context: SimulationContext
    /// `POST /internal/v1/announcements/drafts`.
    let draftsURL: String

    /// Without a token (401), as an officer who is not an announcer (403), and a draft that names neither its letter
    /// number nor its formation (422 naming `number` and `formationId`). `body` is a valid draft request.
    func beforeDrafting(_ body: [String: Any], kind: String, otherOfficer: String) async throws {
        let client = context.client
        context.probes.check(
            "draft \(kind) announcement without a token",
            try await client.send("POST", draftsURL, body: .json(.init(body)), stage: "draft"), status: 401)
        context.probes.check(
            "draft \(kind) announcement as a verifier",
            try await client.send("POST", draftsURL, token: otherOfficer, body: .json(.init(body)), stage: "draft"),
            status: 403)
        let invalid = try await client.send(
            "POST", draftsURL, token: try context.officers.announcer,
            body: .json(.init(["kind": kind, "number": "", "title": "Pengumuman"])), stage: "draft")
        context.probes.check("draft \(kind) announcement without a letter number", invalid, status: 422,
                             field: "number")
        context.probes.check("draft \(kind) announcement without its formation", invalid, status: 422,
                             field: "formationId")
    }

    /// Publishing a draft that was just published: the draft is gone (it is an announcement now), so 404.
    func afterPublishing(draftId: String, kind: String) async throws {
        context.probes.check(
            "publish the \(kind) draft a second time",
            try await context.client.send("POST", "\(draftsURL)/\(draftId)/publish",
                                          token: try context.officers.announcer, stage: "publish"),
            status: 404)
    }
}
