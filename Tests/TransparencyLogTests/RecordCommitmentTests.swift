import Crypto
import Testing
import TransparencyLog

@Suite("Record commitments: salted, canonical, and tamper-evident")
struct RecordCommitmentTests {
    let salt: [UInt8] = (0 ..< 32).map { UInt8($0) }
    let record: JSONValue = ["announcementId": "7d0c", "title": "Hasil SKD", "rows": 3, "final": true]

    @Test("commitment = SHA-256(salt || canonical JSON); leaf hash = SHA-256(0x00 || commitment)")
    func definition() throws {
        let committed = try RecordCommitment(record: record, salt: salt)
        let canonical = #"{"announcementId":"7d0c","final":true,"rows":3,"title":"Hasil SKD"}"#
        #expect(committed.canonicalJSON == canonical)
        let commitment = Array(SHA256.hash(data: salt + Array(canonical.utf8)))
        #expect(committed.commitment.bytes == commitment)
        #expect(committed.leafHash.bytes == Array(SHA256.hash(data: [0x00] + commitment)))
        // Pinned (computed independently with Python's hashlib), a vector for the browser implementation.
        #expect(committed.commitment.hex == "6c741c4c65a15e8728e3786d60aaadab0bf8032f8e2c4ca491e6e7da9cb1ec3e")
        #expect(committed.leafHash.hex == "839c21274b0722b7a00a56bc6b4ddf67ca5f7bb7619338a411d1421c2e5c7c1a")
    }

    @Test("any change to a field, the salt or the key set changes the leaf")
    func tampering() throws {
        let original = try RecordCommitment(record: record, salt: salt)
        var variants: [JSONValue] = []
        for (key, value) in record.objectValue! {
            var members = record.objectValue!
            switch value {
            case .string(let string): members[key] = .string(string + " ")
            case .integer(let integer): members[key] = .integer(integer + 1)
            case .bool(let flag): members[key] = .bool(!flag)
            default: members[key] = .null
            }
            variants.append(.object(members))
            var without = record.objectValue!
            without[key] = nil
            variants.append(.object(without))
        }
        var extra = record.objectValue!
        extra["nik"] = "5371000000000000"
        variants.append(.object(extra))
        variants.append(.object(record.objectValue!.merging(["rows": .string("3")]) { $1 }))
        for variant in variants {
            #expect(try RecordCommitment(record: variant, salt: salt).leafHash != original.leafHash, "\(variant)")
        }
        for position in 0 ..< 32 {
            var tampered = salt
            tampered[position] ^= 1
            #expect(try RecordCommitment(record: record, salt: tampered).leafHash != original.leafHash)
        }
        // Key order and whitespace do not matter: the commitment is to the canonical form.
        let reordered = try JSONParser.parse(#"{ "title":"Hasil SKD", "rows":3, "final":true, "announcementId":"7d0c" }"#)
        #expect(try RecordCommitment(record: reordered, salt: salt).leafHash == original.leafHash)
    }

    @Test("only objects and 32-byte salts; salts are random")
    func validation() {
        #expect(throws: RecordCommitmentError.notAnObject) { try RecordCommitment(record: ["a"], salt: salt) }
        #expect(throws: RecordCommitmentError.wrongSaltLength(31)) {
            try RecordCommitment(record: record, salt: Array(salt.dropLast()))
        }
        #expect(RecordCommitment.randomSalt() != RecordCommitment.randomSalt())
        #expect(RecordCommitment.randomSalt().count == 32)
    }
}
