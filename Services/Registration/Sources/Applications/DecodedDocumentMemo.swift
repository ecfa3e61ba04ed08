import Synchronization
import ServiceKit

/// Remembers the decoded value of a JSON document by its exact text: periods and formations are read with every
/// submission but change rarely, and hashing the text is far cheaper than decoding it again. Any change to a document
/// changes its text, so a stale value can never be returned. Bounded; emptied when full.
final class DecodedDocumentMemo<Value: Decodable & Sendable>: Sendable {
    private let values = Mutex<[String: Value]>([:])
    let capacity: Int

    init(capacity: Int = 1_000) {
        self.capacity = capacity
    }

    func decode(_ text: String) throws -> Value {
        if let known = values.withLock({ $0[text] }) { return known }
        let value = try JSONColumn.decode(Value.self, from: text)
        values.withLock { values in
            if values.count >= capacity { values.removeAll() }
            values[text] = value
        }
        return value
    }
}
