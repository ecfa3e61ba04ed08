/// Opened for every submission in a registration peak, so written without the generic encoder (``PlainJSONWriter``).
extension VerificationCaseOpenedV1: PlainJSONWritable {
    public func write(to writer: inout PlainJSONWriter) {
        writer.beginObject()
        writer.key("applicantId"); writer.uuid(applicantId)
        writer.key("applicationId"); writer.uuid(applicationId)
        writer.key("caseId"); writer.uuid(caseId)
        writer.key("documentIds")
        writer.beginArray()
        for documentId in documentIds { writer.uuid(documentId) }
        writer.endArray()
        writer.key("formationId"); writer.uuid(formationId)
        writer.key("formationKind"); writer.string(formationKind)
        writer.key("periodId"); writer.uuid(periodId)
        writer.key("registrationNumber"); writer.string(registrationNumber)
        writer.endObject()
    }
}
