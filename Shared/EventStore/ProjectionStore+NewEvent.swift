public import RecruitmentEvents

extension ProjectionStore {
    /// An event of a batch that the projection has not processed before (it passed the inbox).
    public struct NewEvent: Sendable {
        /// The decoded envelope.
        public var envelope: EventEnvelope
        /// The consumed message it came from.
        public var message: ProjectionMessage
    }
}
