import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import TestSupport

/// The benchmarks' load-generator client (``TestHTTPClient``) against a live server: it must answer every request with
/// its own response, queue callers beyond its connection limit rather than fail them, and free a connection whose
/// request timed out.
@Suite struct TestHTTPClientTests {
    static func application() -> some ApplicationProtocol {
        let router = Router()
        router.post("/echo/{tag}") { request, context -> Response in
            let tag = try context.parameters.require("tag")
            let body = try await request.body.collect(upTo: 1 << 20)
            return Response(status: .created, headers: [.init("X-Tag")!: tag],
                            body: ResponseBody(byteBuffer: body))
        }
        router.get("/slow") { _, _ -> String in
            try await Task.sleep(for: .seconds(2))
            return "late"
        }
        return Application(router: router)
    }

    @Test func concurrentRequestsBeyondTheConnectionLimitEachGetTheirOwnResponse() async throws {
        try await Self.application().test(.live) { live in
            let port = try #require(live.port)
            let client = TestHTTPClient(connectionsPerHost: 3)
            let results = try await withThrowingTaskGroup(of: (Int, TestHTTP.Response).self) { group in
                for index in 0..<40 {
                    group.addTask {
                        (index, try await client.send(
                            "POST", "http://127.0.0.1:\(port)/echo/t\(index)?x=1", headers: [],
                            body: Array("body \(index)".utf8)))
                    }
                }
                var all: [Int: TestHTTP.Response] = [:]
                for try await (index, response) in group { all[index] = response }
                return all
            }
            #expect(results.count == 40)
            for (index, response) in results {
                #expect(response.status == 201)
                #expect(response.header("X-Tag") == "t\(index)")
                #expect(response.text == "body \(index)")
            }
            await client.shutdown()
        }
    }

    @Test(.timeLimit(.minutes(1))) func aTimedOutRequestFailsAndFreesItsConnection() async throws {
        try await Self.application().test(.live) { live in
            let port = try #require(live.port)
            let client = TestHTTPClient(connectionsPerHost: 1)
            await #expect(throws: TestHTTPClientError.self) {
                try await client.send("GET", "http://127.0.0.1:\(port)/slow", headers: [], body: nil,
                                      timeout: .milliseconds(100))
            }
            let next = try await client.send("POST", "http://127.0.0.1:\(port)/echo/after", headers: [],
                                             body: Array("again".utf8))
            #expect(next.status == 201)
            #expect(next.text == "again")
            await client.shutdown()
        }
    }

    @Test func onlyPlainHTTPIsAccepted() async throws {
        let client = TestHTTPClient(connectionsPerHost: 1)
        await #expect(throws: TestHTTPClientError.self) {
            try await client.send("GET", "https://example.org/", headers: [], body: nil)
        }
    }
}
