import ServiceKit
import TransparencyLog

extension TransparencyLogRoutes {
    /// The transparency log's operations in the service's OpenAPI document.
    static func describe(into document: inout OpenAPIDocument) {
        document.addTag("transparency-log", description: "The append-only Merkle log of every public record "
            + "(RFC 9162 hashing, C2SP signed checkpoints, Ed25519); verify offline with asn-log-verify")
        document.add(.get(
            "/v1/log/checkpoint", operationId: "getLogCheckpoint",
            summary: "The latest signed checkpoint (a C2SP signed note)",
            description: "`text/plain`: `<origin>\\n<tree size>\\n<base64 root hash>\\n\\n— <key name> "
                + "<base64(4-byte key id || Ed25519 signature)>\\n`. Verify it with `GET /v1/log/key`.",
            tags: ["transparency-log"],
            responses: [.text(200, mediaType: "text/plain; charset=utf-8", description: "The signed note"),
                        .problem(404, description: "No checkpoint signed yet")]))
        document.add(.get(
            "/v1/log/key", operationId: "getLogKey",
            summary: "The log's origin and the Ed25519 key that signs its checkpoints",
            description: "`verifierKey` is `<name>+<key id hex>+<base64(0x01 || public key)>` (golang.org/x/mod "
                + "sumdb/note format); key id = first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key).",
            tags: ["transparency-log"], responses: [.json(200, LogKeyDocument.self)]))
        document.add(.get(
            "/v1/log/records/{recordId}", operationId: "getLogRecord",
            summary: "A logged record with its salt and leaf",
            description: "leafHash = SHA-256(0x00 || SHA-256(salt || UTF-8(RFC 8785 canonical JSON of record))), "
                + "with salt the 32 bytes of `salt` (base64). Canonical JSON: no whitespace, object keys sorted by "
                + "UTF-16 code units, strings as JSON.stringify writes them, integers only.",
            tags: ["transparency-log"], parameters: [.path("recordId")],
            responses: [.json(200, LogRecordDocument.self)], problems: [400, 404]))
        document.add(.get(
            "/v1/log/proofs/inclusion", operationId: "getLogInclusionProof",
            summary: "The RFC 9162 inclusion proof of a leaf in the tree of a given size",
            description: "Verify with RFC 9162 §2.1.3.2 against the root of a signed checkpoint of `treeSize`.",
            tags: ["transparency-log"],
            parameters: [
                .query("leafIndex", .integer(minimum: 0), required: true, description: "The record's `leafIndex`"),
                .query("treeSize", .integer(minimum: 1), required: true, description: "A checkpoint's tree size"),
            ],
            responses: [.json(200, InclusionProofDocument.self)], problems: [400]))
        document.add(.get(
            "/v1/log/proofs/consistency", operationId: "getLogConsistencyProof",
            summary: "The RFC 9162 consistency proof between two tree sizes",
            description: "Verify with RFC 9162 §2.1.4.2: the tree of `to` leaves extends the tree of `from` leaves.",
            tags: ["transparency-log"],
            parameters: [
                .query("from", .integer(minimum: 1), required: true, description: "The older checkpoint's size"),
                .query("to", .integer(minimum: 1), required: true, description: "The newer checkpoint's size"),
            ],
            responses: [.json(200, ConsistencyProofDocument.self)], problems: [400]))
    }
}
