import Foundation
import Testing
@testable import ExamScoring

/// Seats fill sessions in start order up to their free seats, numbered after those already taken.
@Suite struct SeatPlanTests {
    static let early = UUID(uuidString: "00000000-0000-0000-0000-00000000000a")!
    static let late = UUID(uuidString: "00000000-0000-0000-0000-00000000000b")!
    static let t0 = Date(timeIntervalSince1970: 1_729_476_000)

    static func candidates(_ count: Int) -> [UUID] {
        (1...count).map { UUID(uuidString: String(format: "10000000-0000-0000-0000-%012d", $0))! }
    }

    @Test func fillsSessionsInStartOrderAfterTakenSeats() {
        let sessions = [
            SeatPlan.Session(sessionId: Self.late, startsAt: Self.t0 + 3600, capacity: 5, seatsTaken: 0),
            SeatPlan.Session(sessionId: Self.early, startsAt: Self.t0, capacity: 3, seatsTaken: 1),
        ]
        let candidates = Self.candidates(4)
        let plan = SeatPlan.plan(candidates, into: sessions)
        #expect(plan.unseated.isEmpty)
        #expect(plan.assignments.map(\.sessionId) == [Self.early, Self.early, Self.late, Self.late])
        #expect(plan.assignments.map(\.seatNumber) == [2, 3, 1, 2])
        #expect(plan.assignments.map(\.applicationId) == candidates)
    }

    @Test func reportsWhoFindsNoSeat() {
        let sessions = [SeatPlan.Session(sessionId: Self.early, startsAt: Self.t0, capacity: 2, seatsTaken: 2)]
        let plan = SeatPlan.plan(Self.candidates(3), into: sessions)
        #expect(plan.assignments.isEmpty)
        #expect(plan.unseated.count == 3)
    }

    @Test(arguments: [(1, "Kursi 001"), (27, "Kursi 027"), (250, "Kursi 250"), (1234, "Kursi 1234")])
    func seatLabels(number: Int, label: String) {
        #expect(SeatPlan.seatLabel(number) == label)
    }

    @Test(arguments: [(2024, Int64(412), "2400000412"), (2026, Int64(1), "2600000001"), (2100, Int64(7), "0000000007")])
    func participantNumbers(year: Int, serial: Int64, number: String) {
        #expect(ParticipantNumber.make(fiscalYear: year, serial: serial) == number)
    }

    @Test(arguments: ["2400000412", "A-1", String(repeating: "9", count: 32)])
    func plausibleNumbers(text: String) { #expect(ParticipantNumber.isPlausible(text)) }

    @Test(arguments: ["", "../etc", "24 00", String(repeating: "9", count: 33), "nomor%20"])
    func implausibleNumbers(text: String) { #expect(!ParticipantNumber.isPlausible(text)) }
}

/// Large rankings travel in parts that each stay far below the broker's message limit.
@Suite struct RowPartsTests {
    @Test(arguments: [(0, 1), (1, 1), (1_000, 1), (1_001, 2), (100_000, 100)])
    func splits(count: Int, parts: Int) {
        let split = RowParts.split(Array(0..<count))
        #expect(split.count == parts)
        #expect(split.flatMap { $0 } == Array(0..<count))
        #expect(split.allSatisfy { $0.count <= RowParts.rowsPerEvent })
    }
}
