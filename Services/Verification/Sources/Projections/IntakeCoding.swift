import Foundation
import RecruitmentEvents

/// The intake's reading without Foundation's generic JSON decoder, which cost a quarter of the service's CPU in a
/// registration peak (profiled). The case it opens is written by `VerificationCaseOpenedV1`'s `PlainJSONWritable`
/// conformance, in the events module.
///
/// Exact or nothing: the reader accepts only the plain shape the registration service writes (the known keys once
/// each, strings without escapes, canonical UUIDs) and answers `nil` for anything else, so that the caller falls back
/// to ``EventCoding`` and gets the same value, or the same error, as before. Tests compare it with ``EventCoding``
/// value for value.
enum IntakeCoding {
    /// Decodes a consumed envelope as the registry does, parsing submissions directly.
    static func decode(_ envelope: EventEnvelope, registry: EventRegistry) throws -> any RecruitmentEvent {
        if envelope.type == ApplicationSubmittedV1.eventType, registry.eventType(named: envelope.type) != nil,
           let submission = submission(from: envelope.data)
        {
            return submission
        }
        return try registry.decode(envelope)
    }

    // MARK: Reading

    /// The submission in `bytes`, or `nil` if they are not in the plain shape (the caller falls back to the decoder).
    static func submission(from bytes: [UInt8]) -> ApplicationSubmittedV1? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            guard let submission = reader.submission() else { return nil }
            reader.skipWhitespace()
            return reader.atEnd ? submission : nil
        }
    }

    /// A cursor over JSON bytes that gives up (`nil`) on anything outside the plain shape.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        /// Consumes `byte` (after whitespace).
        mutating func expect(_ byte: UInt8) -> Bool {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// Whether the next byte (after whitespace) is `byte`; consumes it if so.
        mutating func take(_ byte: UInt8) -> Bool { expect(byte) }

        /// A string without escapes or control characters, as valid UTF-8.
        mutating func string() -> String? {
            guard expect(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                index += 1
            }
            return nil
        }

        /// `null` (answered as `.some(nil)`) or a string.
        mutating func optionalString() -> String?? {
            skipWhitespace()
            if bytes.count - index >= 4, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
               bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
            {
                index += 4
                return .some(nil)
            }
            guard let text = string() else { return nil }
            return .some(text)
        }

        mutating func uuid() -> UUID? {
            guard let text = string() else { return nil }
            return IntakeCoding.uuid(text)
        }

        mutating func value<Value: RawRepresentable>(_ type: Value.Type) -> Value? where Value.RawValue == String {
            string().flatMap(Value.init(rawValue:))
        }

        /// Reads an object whose keys are all in `keys`, each at most once, handing each key's index to `field`
        /// (which reads the value and answers whether it could); answers which keys were present.
        mutating func object(_ keys: [String], _ field: (inout Reader, Int) -> Bool) -> Set<Int>? {
            guard expect(UInt8(ascii: "{")) else { return nil }
            var seen = Set<Int>()
            if take(UInt8(ascii: "}")) { return seen }
            repeat {
                guard let key = string(), let position = keys.firstIndex(of: key), seen.insert(position).inserted,
                      expect(UInt8(ascii: ":")), field(&self, position)
                else { return nil }
            } while take(UInt8(ascii: ","))
            return expect(UInt8(ascii: "}")) ? seen : nil
        }

        mutating func submission() -> ApplicationSubmittedV1? {
            var applicationId: UUID?, applicantId: UUID?, periodId: UUID?, formationId: UUID?
            var formationKind: FormationKind?, registrationNumber: String?, applicantName: String?
            var education: EducationQualification?, academicGrade: AcademicGrade?, documents: [SubmittedDocument]?
            let keys = ["applicationId", "applicantId", "periodId", "formationId", "formationKind", "registrationNumber",
                        "applicantName", "education", "academicGrade", "documents"]
            guard object(keys, { reader, key in
                switch key {
                case 0: applicationId = reader.uuid(); return applicationId != nil
                case 1: applicantId = reader.uuid(); return applicantId != nil
                case 2: periodId = reader.uuid(); return periodId != nil
                case 3: formationId = reader.uuid(); return formationId != nil
                case 4: formationKind = reader.value(FormationKind.self); return formationKind != nil
                case 5: registrationNumber = reader.string(); return registrationNumber != nil
                case 6: applicantName = reader.string(); return applicantName != nil
                case 7: education = reader.education(); return education != nil
                case 8: academicGrade = reader.academicGrade(); return academicGrade != nil
                default: documents = reader.documents(); return documents != nil
                }
            }) != nil,
                let applicationId, let applicantId, let periodId, let formationId, let formationKind,
                let registrationNumber, let applicantName, let education, let academicGrade, let documents
            else { return nil }
            return ApplicationSubmittedV1(
                applicationId: applicationId, applicantId: applicantId, periodId: periodId, formationId: formationId,
                formationKind: formationKind, registrationNumber: registrationNumber, applicantName: applicantName,
                education: education, academicGrade: academicGrade, documents: documents)
        }

        mutating func education() -> EducationQualification? {
            var level: EducationLevel?, major: String?, institution: String?
            guard object(["level", "major", "institution"], { reader, key in
                switch key {
                case 0: level = reader.value(EducationLevel.self); return level != nil
                case 1: major = reader.string(); return major != nil
                default:
                    guard let value = reader.optionalString() else { return false }
                    institution = value
                    return true
                }
            }) != nil, let level, let major
            else { return nil }
            return EducationQualification(level: level, major: major, institution: institution)
        }

        mutating func academicGrade() -> AcademicGrade? {
            var kind: AcademicGradeKind?, value: ExactDecimal?, scaleMaximum: ExactDecimal?
            guard object(["kind", "value", "scaleMaximum"], { reader, key in
                switch key {
                case 0: kind = reader.value(AcademicGradeKind.self); return kind != nil
                case 1: value = reader.string().flatMap(ExactDecimal.init); return value != nil
                default: scaleMaximum = reader.string().flatMap(ExactDecimal.init); return scaleMaximum != nil
                }
            }) != nil, let kind, let value, let scaleMaximum
            else { return nil }
            return AcademicGrade(kind: kind, value: value, scaleMaximum: scaleMaximum)
        }

        mutating func documents() -> [SubmittedDocument]? {
            guard expect(UInt8(ascii: "[")) else { return nil }
            var documents: [SubmittedDocument] = []
            if take(UInt8(ascii: "]")) { return documents }
            repeat {
                guard let document = document() else { return nil }
                documents.append(document)
            } while take(UInt8(ascii: ","))
            return expect(UInt8(ascii: "]")) ? documents : nil
        }

        mutating func document() -> SubmittedDocument? {
            var documentId: UUID?, requirementCode: String?, type: DocumentType?, sha256: String?
            guard object(["documentId", "requirementCode", "type", "sha256"], { reader, key in
                switch key {
                case 0: documentId = reader.uuid(); return documentId != nil
                case 1: requirementCode = reader.string(); return requirementCode != nil
                case 2: type = reader.value(DocumentType.self); return type != nil
                default: sha256 = reader.string(); return sha256 != nil
                }
            }) != nil, let documentId, let requirementCode, let type, let sha256
            else { return nil }
            return SubmittedDocument(documentId: documentId, requirementCode: requirementCode, type: type, sha256: sha256)
        }
    }

    /// A UUID in the canonical 8-4-4-4-12 form (either case), the only form `UUID(uuidString:)` accepts.
    static func uuid(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { bytes -> UUID? in
            guard bytes.count == 36 else { return nil }
            var value: [UInt8] = []
            value.reserveCapacity(16)
            var index = 0
            while index < 36 {
                if index == 8 || index == 13 || index == 18 || index == 23 {
                    guard bytes[index] == UInt8(ascii: "-") else { return nil }
                    index += 1
                    continue
                }
                guard let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) else { return nil }
                value.append(high << 4 | low)
                index += 2
            }
            return UUID(uuid: (value[0], value[1], value[2], value[3], value[4], value[5], value[6], value[7],
                               value[8], value[9], value[10], value[11], value[12], value[13], value[14], value[15]))
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
