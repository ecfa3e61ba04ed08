import Foundation
import PostgresNIO
import TestSupport

/// A database that does not exist yet: its URL can be handed to a service before ``create()`` makes it appear.
struct LateDatabase {
    let adminURL: String
    let name: String
    let url: String

    init(adminURL: String) throws {
        guard var components = URLComponents(string: adminURL) else { throw LateDatabaseError.invalidURL }
        self.adminURL = adminURL
        self.name = "asn_test_late_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        components.path = "/" + name
        guard let url = components.string else { throw LateDatabaseError.invalidURL }
        self.url = url
    }

    func create() async throws {
        try await admin("CREATE DATABASE \"\(name)\"")
    }

    func drop() async throws {
        try await admin("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
    }

    private func admin(_ sql: String) async throws {
        try await TestPostgres.withClient(url: adminURL, maximumConnections: 1) { client in
            try await client.query(PostgresQuery(unsafeSQL: sql), logger: TestPostgres.logger)
        }
    }
}

enum LateDatabaseError: Error { case invalidURL }
