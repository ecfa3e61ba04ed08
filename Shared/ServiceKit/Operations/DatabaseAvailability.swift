/// What the ``DatabaseMonitor`` concludes from its pings. Pure, so the rule is tested on its own.
///
/// The database counts as down after ``failuresToGoDown`` consecutive failed pings, not one: on a busy machine a ping
/// can miss its timeout while the database works, and going down refuses every API request with a 503. It counts as
/// up again after one answered ping. Before any ping has answered, one failure is enough: a database that never
/// answered is not known to work.
struct DatabaseAvailability: Sendable, Equatable {
    /// Consecutive failed pings after which a database that answered before counts as down.
    static let failuresToGoDown = 2

    /// A change worth telling the operator about.
    enum Transition: Sendable, Equatable {
        case wentDown(reason: String)
        case cameBack
    }

    /// `nil` until the first ping answered or failed.
    private(set) var available: Bool?
    /// The last failure while the database does not count as up.
    private(set) var reason: String?
    private(set) var consecutiveFailures = 0

    /// Records one ping: `failure` is `nil` when it answered. Returns the transition, if this ping made one (the
    /// first ping's verdict is not a transition).
    mutating func record(failure: String?) -> Transition? {
        guard let failure else {
            let wasDown = available == false
            (available, reason, consecutiveFailures) = (true, nil, 0)
            return wasDown ? .cameBack : nil
        }
        consecutiveFailures += 1
        switch available {
        case nil:
            (available, reason) = (false, failure)
            return nil
        case true? where consecutiveFailures >= Self.failuresToGoDown:
            (available, reason) = (false, failure)
            return .wentDown(reason: failure)
        case true?:
            return nil
        case false?:
            reason = failure
            return nil
        }
    }
}
