import Testing
@testable import ServiceKit

@Suite struct JSONContentTypeTests {
    @Test(arguments: ["application/json", "application/json; charset=utf-8", "Application/JSON", "application/problem+json"])
    func accepts(_ value: String) {
        #expect(JSONRequestDecoding.isJSON(value))
    }

    @Test(arguments: ["application/jsonx", "text/plain", "text/json", "multipart/form-data; boundary=x", ""])
    func rejects(_ value: String) {
        #expect(!JSONRequestDecoding.isJSON(value))
    }
}
