@testable import EventStore
import Foundation
import Testing

@Suite("SQL script splitting")
struct SQLScriptTests {
    @Test func splitsAtTopLevelSemicolons() {
        let statements = SQLScript.statements(in: "CREATE TABLE a (x int);\n\nCREATE TABLE b (y int)\n")
        #expect(statements == ["CREATE TABLE a (x int)", "CREATE TABLE b (y int)"])
    }

    @Test func keepsQuotedAndCommentedSemicolons() {
        let script = """
            -- a comment; with a semicolon
            INSERT INTO t VALUES ('a;b', E'it\\'s;', "odd;name");
            /* block; /* nested; */ still comment; */
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$
            BEGIN
                PERFORM 1; RETURN 2;
            END;
            $body$;
            SELECT $$;$$, $1;
            -- trailing comment only;
            """
        let statements = SQLScript.statements(in: script)
        #expect(statements.count == 3)
        #expect(statements[0].hasSuffix(#"INSERT INTO t VALUES ('a;b', E'it\'s;', "odd;name")"#))
        #expect(statements[1].contains("PERFORM 1; RETURN 2;"))
        #expect(statements[1].hasSuffix("$body$"))
        #expect(statements[2] == "SELECT $$;$$, $1")
    }

    @Test func theEventStoreMigrationsSplitAsIntended() {
        #expect(EventStoreMigrations.eventStore.statements.count == 7)
        #expect(EventStoreMigrations.projections.statements.count == 3)
    }

    @Test func eventTimesRoundTripAtMicrosecondPrecision() throws {
        let date = Date(timeIntervalSince1970: 1_740_817_800.123456)
        let text = EventTime.format(date)
        #expect(text == "2025-03-01T08:30:00.123456Z")
        let parsed = try #require(EventTime.parse(text))
        #expect(EventTime.format(parsed) == text)
        #expect(abs(parsed.timeIntervalSince(date)) < 0.000_001)
        #expect(EventTime.format(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500000Z")
        #expect(EventTime.parse("2025-03-01T08:30:00Z") == Date(timeIntervalSince1970: 1_740_817_800))
    }
}
