import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The failed and errored test cases of a JUnit XML report (as Schemathesis writes one per run): for each, the test
/// case's name (the operation, e.g. `GET /v1/periods/{periodId}`) and the failure's message and text.
final class JUnitFailures: NSObject, XMLParserDelegate {
    private var testCase = ""
    private var current: String?
    private var text = ""
    private(set) var failures: [String] = []

    /// The failures in `report`, in document order (empty for an unreadable report).
    static func parse(_ report: Data) -> [String] {
        let collector = JUnitFailures()
        let parser = XMLParser(data: report)
        parser.delegate = collector
        _ = parser.parse()
        return collector.failures
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:])
    {
        switch elementName {
        case "testcase":
            testCase = attributes["name"] ?? "?"
        case "failure", "error":
            current = [attributes["type"], attributes["message"]].compactMap { $0 }.joined(separator: ": ")
            text = ""
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if current != nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?)
    {
        guard elementName == "failure" || elementName == "error", let message = current else { return }
        let detail = text.trimmingCharacters(in: .whitespacesAndNewlines)
        failures.append("\(testCase): \(message)\(detail.isEmpty ? "" : "\n\(detail)")")
        current = nil
    }
}
