/// The registration service's hottest event, written without the generic encoder (``PlainJSONWriter``).
extension ApplicationSubmittedV1: PlainJSONWritable {
    public func write(to writer: inout PlainJSONWriter) {
        writer.beginObject()
        writer.key("academicGrade"); writer.value(academicGrade)
        writer.key("applicantId"); writer.uuid(applicantId)
        writer.key("applicantName"); writer.string(applicantName)
        writer.key("applicationId"); writer.uuid(applicationId)
        writer.key("documents"); writer.array(documents)
        writer.key("education"); writer.value(education)
        writer.key("formationId"); writer.uuid(formationId)
        writer.key("formationKind"); writer.string(formationKind)
        writer.key("periodId"); writer.uuid(periodId)
        writer.key("registrationNumber"); writer.string(registrationNumber)
        writer.endObject()
    }
}

extension AcademicGrade: PlainJSONWritable {
    public func write(to writer: inout PlainJSONWriter) {
        writer.beginObject()
        writer.key("kind"); writer.string(kind)
        writer.key("scaleMaximum"); writer.string(scaleMaximum.description)
        writer.key("value"); writer.string(value.description)
        writer.endObject()
    }
}

extension EducationQualification: PlainJSONWritable {
    public func write(to writer: inout PlainJSONWriter) {
        writer.beginObject()
        if let institution { writer.key("institution"); writer.string(institution) }
        writer.key("level"); writer.string(level)
        writer.key("major"); writer.string(major)
        writer.endObject()
    }
}

extension SubmittedDocument: PlainJSONWritable {
    public func write(to writer: inout PlainJSONWriter) {
        writer.beginObject()
        writer.key("documentId"); writer.uuid(documentId)
        writer.key("requirementCode"); writer.string(requirementCode)
        writer.key("sha256"); writer.string(sha256)
        writer.key("type"); writer.string(type)
        writer.endObject()
    }
}
