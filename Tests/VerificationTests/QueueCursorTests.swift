import Foundation
import Hummingbird
import NIOCore
import RecruitmentEvents
import ServiceKit
import Testing
@testable import Verification

/// The work lists' cursor: `<microseconds since 1970>.<case id>`, written by one page and read back by the next.
@Suite struct QueueCursorTests {
    static let caseId = UUID(uuidString: "CF2A23AD-BA33-8DDF-A950-A83F175212B1")!

    /// A `GET /v1/queue` request with the given query string.
    static func request(query: String) -> Request {
        Request(
            head: HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: "/v1/queue\(query)"),
            body: RequestBody(buffer: ByteBuffer()))
    }

    static func parse(_ query: String) throws -> QueueCursor? {
        try QueueCursor(request(query: query))
    }

    @Test func theTextIsMicrosecondsAndTheLowercaseCaseId() {
        let cursor = QueueCursor(microseconds: 1_725_926_400_123_456, caseId: Self.caseId)
        #expect(cursor.text == "1725926400123456.cf2a23ad-ba33-8ddf-a950-a83f175212b1")
    }

    @Test func theStartIsBeforeEveryCase() {
        #expect(QueueCursor.start.text == "0.00000000-0000-0000-0000-000000000000")
        #expect(QueueCursor.start == QueueCursor(microseconds: 0, caseId: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                                                                        0, 0, 0, 0))))
    }

    @Test(arguments: [Int64(0), 1, 1_725_926_400_123_456, 253_402_300_799_999_999])
    func aCursorReadsBackItsOwnText(_ microseconds: Int64) throws {
        let cursor = QueueCursor(microseconds: microseconds, caseId: Self.caseId)
        #expect(try Self.parse("?cursor=\(cursor.text)") == cursor)
        #expect(try Self.parse("?limit=10&cursor=\(cursor.text)&formationId=x") == cursor)
    }

    /// Instants PostgreSQL cannot add to its epoch would fail the query (a 500): refused as a field error instead.
    @Test(arguments: ["-1", "253402300800000000", "9223372036854775807"])
    func aCursorOutsideTheRepresentableInstantsIsAFieldError(_ microseconds: String) {
        #expect(throws: Problem.self) { try Self.parse("?cursor=\(microseconds).\(Self.caseId.uuidString)") }
    }

    @Test func theFirstPageHasNoCursor() throws {
        #expect(try Self.parse("") == nil)
        #expect(try Self.parse("?limit=20") == nil)
    }

    @Test(arguments: [
        "", "abc", "1725926400123456", "1725926400123456.", ".cf2a23ad-ba33-8ddf-a950-a83f175212b1",
        "x.cf2a23ad-ba33-8ddf-a950-a83f175212b1", "1.5.cf2a23ad-ba33-8ddf-a950-a83f175212b1",
        "1725926400123456.not-a-uuid", "1725926400123456-cf2a23ad-ba33-8ddf-a950-a83f175212b1",
        "99999999999999999999.cf2a23ad-ba33-8ddf-a950-a83f175212b1",
    ])
    func aMalformedCursorIsAFieldError(_ text: String) {
        do {
            let cursor = try Self.parse("?cursor=\(text)")
            Issue.record("accepted \(text) as \(String(describing: cursor))")
        } catch let problem as Problem {
            #expect(problem.statusCode == 400)
            #expect(problem.errors?.map(\.field) == ["cursor"])
            #expect(problem.errors?.map(\.code) == ["cursor-format"])
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
