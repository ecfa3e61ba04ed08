import HTTPTypes
import ServiceKit

extension RegistrationValidationError: ProblemConvertible {
    var problem: Problem {
        Problem.validation(issues.map { FieldIssue(field: $0.field, code: $0.code, message: $0.message) },
                           status: .unprocessableContent)
    }
}
