import HTTPTypes
import Hummingbird
import NIOCore
@testable import ServiceKit
import Testing
@testable import Announcements

/// Where a scoreboard stream resumes: `Last-Event-ID` wins over `after`, and a malformed `after` is a 400 problem
/// even when the header wins (found by Schemathesis: `?after=null` with `Last-Event-ID: 0` was answered 200).
@Suite struct ScoreboardResumePointTests {
    static func request(_ path: String, lastEventId: String? = nil) -> Request {
        var fields = HTTPFields()
        if let lastEventId { fields[HTTPField.Name("Last-Event-ID")!] = lastEventId }
        let head = HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: path, headerFields: fields)
        return Request(head: head, body: .init(buffer: ByteBuffer()))
    }

    static func problemField(_ body: () throws -> Int64?) -> String? {
        do {
            _ = try body()
            return nil
        } catch let problem as Problem {
            return problem.errors?.first?.field
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func theHeaderWinsOverAfter() throws {
        #expect(try ScoreboardRoutes.resumePoint(Self.request("/v1/scoreboard/stream?after=3", lastEventId: "7")) == 7)
        #expect(try ScoreboardRoutes.resumePoint(Self.request("/v1/scoreboard/stream?after=3")) == 3)
        #expect(try ScoreboardRoutes.resumePoint(Self.request("/v1/scoreboard/stream")) == nil)
    }

    @Test func aMalformedAfterIsRefusedEvenWhenTheHeaderWins() {
        let withHeader = Self.request("/v1/scoreboard/stream?after=null", lastEventId: "0")
        #expect(Self.problemField { try ScoreboardRoutes.resumePoint(withHeader) } == "after")
        let negative = Self.request("/v1/scoreboard/stream?after=-1")
        #expect(Self.problemField { try ScoreboardRoutes.resumePoint(negative) } == "after")
        let badHeader = Self.request("/v1/scoreboard/stream?after=1", lastEventId: "x")
        #expect(Self.problemField { try ScoreboardRoutes.resumePoint(badHeader) } == "Last-Event-ID")
    }
}
