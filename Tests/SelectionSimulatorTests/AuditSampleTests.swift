@testable import SelectionSimulator
import Testing

/// Which published rows the public audit verifies against the transparency log.
@Suite struct AuditSampleTests {
    @Test func smallRunsVerifyEveryRow() {
        #expect(AuditSample.positions(count: 0, always: []) == [])
        #expect(AuditSample.positions(count: 7, always: [3]) == Array(0..<7))
        #expect(AuditSample.positions(count: 2_000, always: []).count == 2_000)
        #expect(!AuditSample.isSampled(count: 2_000))
    }

    @Test func largeRunsVerifyAtLeast500RowsPlusEveryAdverseOne() {
        for count in [2_001, 2_999, 5_000, 12_345, 100_000] {
            let adverse: Set<Int> = [1, 2, 3, count - 1, count + 5]
            let chosen = AuditSample.positions(count: count, always: adverse)
            #expect(AuditSample.isSampled(count: count))
            #expect(chosen.count >= AuditSample.minimumSample + 4, "\(count): \(chosen.count)")
            #expect(chosen.count < AuditSample.minimumSample * 2 + adverse.count, "\(count): \(chosen.count)")
            #expect(Set(chosen).isSuperset(of: [1, 2, 3, count - 1]))
            #expect(!chosen.contains(count + 5), "a position beyond the rows is never chosen")
            #expect(chosen == chosen.sorted() && Set(chosen).count == chosen.count)
            #expect(chosen == AuditSample.positions(count: count, always: adverse), "deterministic")
        }
    }

    @Test func adverseCodesAreEveryCodeThatDoesNotPass() {
        for code in ["TMS", "TL", "TH", "DIS", "P/TL", "P/TH", "TMS-1", "APS", nil] {
            #expect(AuditSample.isAdverse(code), "\(code ?? "nil")")
        }
        for code in ["MS", "P/L", "P/L-1", "P/L-2", "P"] {
            #expect(!AuditSample.isAdverse(code), "\(code)")
        }
    }
}
