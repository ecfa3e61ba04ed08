import RecruitmentEvents

/// The answer to every submission, written without the generic encoder (``PlainJSONWriter``); ``JSONResponse`` uses
/// it when it can.
extension RegistrationCard: PlainJSONWritable {
    func write(to writer: inout PlainJSONWriter) {
        writer.beginObject()
        writer.key("agencyName"); writer.string(agencyName)
        writer.key("applicantName"); writer.string(applicantName)
        writer.key("applicationId"); writer.uuid(applicationId)
        writer.key("documents"); writer.array(documents)
        writer.key("education"); writer.value(education)
        writer.key("formation"); writer.value(formation)
        writer.key("periodName"); writer.string(periodName)
        writer.key("registrationNumber"); writer.string(registrationNumber)
        writer.key("submittedAt"); writer.instant(submittedAt)
        writer.key("submittedAtLocal"); writer.string(submittedAtLocal)
        writer.key("submittedAtWIB"); writer.string(submittedAtWIB)
        writer.endObject()
    }
}

extension FormationSummary: PlainJSONWritable {
    func write(to writer: inout PlainJSONWriter) {
        writer.beginObject()
        writer.key("formationId"); writer.uuid(formationId)
        writer.key("kind"); writer.string(kind)
        writer.key("placement"); writer.string(placement)
        writer.key("positionName"); writer.string(positionName)
        writer.key("unitName"); writer.string(unitName)
        writer.endObject()
    }
}
