import HTTPTypes
import ServiceKit

extension TransparencyLogStoreError: ProblemConvertible {
    /// Client mistakes become 4xx problems naming the field; a log that disagrees with itself is a 500 (and was
    /// already logged as a critical alert).
    var problem: Problem {
        switch self {
        case .conflictingRecord(let recordId):
            .conflict(type: "log-record-conflict",
                      "Record \(recordId) is already in the transparency log with other content; records are immutable.")
        case .invalidRecord(let recordId, let reason):
            .validation([FieldIssue(field: "record", code: "invalid", message: "record \(recordId): \(reason)")],
                        status: .unprocessableContent)
        case .leafIndexBeyondTree(let leafIndex, let treeSize):
            .invalidField("leafIndex", code: "beyond-tree",
                          "leafIndex \(leafIndex) must be below treeSize (\(treeSize))")
        case .treeSizeBeyondLog(let requested, let logSize):
            .invalidField("treeSize", code: "beyond-log",
                          "treeSize \(requested) must not exceed the log's size (\(logSize) leaves)")
        case .sizesOutOfOrder(let from, let to):
            .invalidField("from", code: "out-of-order", "from (\(from)) must not exceed to (\(to))")
        case .inconsistentWithLastCheckpoint, .missingNode:
            .internalError()
        }
    }
}
