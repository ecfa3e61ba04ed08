import Testing
@testable import ExamScoringRules

/// The byte-level CSV reader: RFC 4180 quoting, line ends, trimming and blank records.
@Suite struct CsvRecordReaderTests {
    /// Every record of `text` as the texts of its cells, with `unterminated` marking a record cut by an open quote.
    static func records(_ text: String, delimiter: UInt8 = CsvByte.comma, skipBlank: Bool = false) -> [[String]] {
        let bytes = Array(text.utf8)
        var reader = CsvRecordReader(bytes: bytes, delimiter: delimiter, position: 0)
        var cells: [CsvCell] = []
        var records: [[String]] = []
        while let end = skipBlank ? reader.nextNonBlank(into: &cells) : reader.next(into: &cells) {
            records.append(cells.map { $0.text(in: bytes) } + (end == .unterminatedQuote ? ["unterminated"] : []))
        }
        return records
    }

    @Test(arguments: [
        ("a,b\nc,d\n", [["a", "b"], ["c", "d"]]),
        ("a,b\r\nc,d\r\n", [["a", "b"], ["c", "d"]]),
        ("a,b\r\nc,d", [["a", "b"], ["c", "d"]]),
        ("a,b\r", [["a", "b"]]),
        ("\"a,b\",c\n", [["a,b", "c"]]),
        ("\"say \"\"hi\"\"\",c\n", [["say \"hi\"", "c"]]),
        ("\"two\nlines\",c\r\n", [["two\nlines", "c"]]),
        ("\"\",\"\"\n", [["", ""]]),
        ("a,,\n", [["a", "", ""]]),
        ("\n", [[""]]),
        (" a\t,  \"b\"  , c \r\n", [["a", "b", "c"]]),
        ("\" a \",b\n", [["a", "b"]]),
        ("\"12\"3,b\n", [["\"12\"3", "b"]]),
        ("\"a\"\rb,c\n", [["\"a\"\rb", "c"]]),
        ("a\rb,c\n", [["a\rb", "c"]]),
        ("a\"b,c\n", [["a\"b", "c"]]),
        ("a,\"b\nc,d\n", [["a", "b\nc,d\n", "unterminated"]]),
    ])
    func recordsAndCells(text: String, expected: [[String]]) {
        #expect(Self.records(text) == expected)
    }

    @Test func theDelimiterIsTheOneGiven() {
        #expect(Self.records("a;b,c\n", delimiter: CsvByte.semicolon) == [["a", "b,c"]])
        #expect(Self.records("a;b,c\n") == [["a;b", "c"]])
    }

    @Test func blankRecordsAreSkippedOnRequest() {
        #expect(Self.records("\n,,\n a , \n \"\" ,\nb\n", skipBlank: true) == [["a", ""], ["b"]])
        #expect(Self.records("\n,,\n").count == 2)
    }
}

/// Which delimiter a file uses, from its header line.
@Suite struct CsvDelimiterTests {
    @Test(arguments: [
        ("a,b,c\n", CsvByte.comma),
        ("a;b;c\n", CsvByte.semicolon),
        ("a;b,c;d\n", CsvByte.semicolon),
        ("a,b;c\nd;e;f;g;h\n", CsvByte.comma),
        ("a,b;c,d;\n", CsvByte.comma),
        ("\"a,b,c\";d\n", CsvByte.semicolon),
        ("\n;;\n  \n\"\";\"\"\na;b\n", CsvByte.semicolon),
        ("abc\n", CsvByte.comma),
    ])
    func theDelimiterOfTheHeaderLine(text: String, expected: UInt8) {
        #expect(CsvDelimiter.detect(in: Array(text.utf8), from: 0) == expected)
    }

    @Test(arguments: ["", "\n\r\n", " ;\t,\n\"\"\n"])
    func noDelimiterWithoutAHeaderLine(text: String) {
        #expect(CsvDelimiter.detect(in: Array(text.utf8), from: 0) == nil)
    }
}

/// UTF-8 validation over the bytes.
@Suite struct UTF8ValidationTests {
    @Test(arguments: [
        ([UInt8](), nil as Int?),
        (Array("plain ascii\n".utf8), nil),
        (Array("Bhinneka Tunggal Ika – ✓ 🇮🇩".utf8), nil),
        ([0x61, 0x62, 0xFF], 2),
        ([0x61, 0xC3, 0xA9, 0xE9, 0x62], 3),
        ([0xC0, 0x80], 0),
        ([0xED, 0xA0, 0x80], 0),
        ([0x61, 0xF0, 0x9F, 0x98], 1),
        ([0xF4, 0x90, 0x80, 0x80], 0),
    ])
    func theFirstInvalidByte(bytes: [UInt8], expected: Int?) {
        #expect(UTF8Validation.firstInvalidOffset(in: bytes, from: 0) == expected)
    }

    @Test func checkingStartsPastTheByteOrderMark() {
        #expect(UTF8Validation.firstInvalidOffset(in: [0xEF, 0xBB, 0xBF, 0x61, 0xFF], from: 3) == 4)
    }

    @Test(arguments: [(0, 1), (2, 1), (3, 2), (4, 2), (5, 3), (6, 3)])
    func theLineOfAnOffset(offset: Int, line: Int) {
        #expect(UTF8Validation.line(ofOffset: offset, in: Array("ab\nc\nde".utf8)) == line)
    }
}
