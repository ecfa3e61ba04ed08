import Foundation

/// Assigns seats to candidates (DOMAIN §1.6: sessions at test sites, each with a capacity): candidates in the given
/// order fill the sessions in start order, each session up to its free seats. Seats are numbered after those already
/// taken, so planning again later only adds.
enum SeatPlan {
    /// A session with room.
    struct Session: Sendable, Hashable {
        var sessionId: UUID
        var startsAt: Date
        var capacity: Int
        var seatsTaken: Int
    }

    /// One planned seat.
    struct Assignment: Sendable, Hashable {
        var applicationId: UUID
        var sessionId: UUID
        /// 1-based seat number within the session.
        var seatNumber: Int
    }

    /// Plans seats for `candidates` (already in the order they should be seated); answers the assignments and the
    /// candidates left without a seat because every session is full.
    static func plan(_ candidates: [UUID], into sessions: [Session]) -> (assignments: [Assignment], unseated: [UUID]) {
        let ordered = sessions.sorted { ($0.startsAt, $0.sessionId.uuidString) < ($1.startsAt, $1.sessionId.uuidString) }
        var assignments: [Assignment] = []
        assignments.reserveCapacity(candidates.count)
        var remaining = candidates[...]
        for session in ordered {
            let free = max(0, session.capacity - session.seatsTaken)
            for (offset, applicationId) in remaining.prefix(free).enumerated() {
                assignments.append(Assignment(
                    applicationId: applicationId, sessionId: session.sessionId,
                    seatNumber: session.seatsTaken + offset + 1))
            }
            remaining = remaining.dropFirst(free)
            if remaining.isEmpty { break }
        }
        return (assignments, Array(remaining))
    }

    /// The seat label printed on the exam card, e.g. `Kursi 027`.
    static func seatLabel(_ number: Int) -> String {
        let digits = String(number)
        return "Kursi " + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}
