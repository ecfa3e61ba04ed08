import EventStore

/// The feedback read model (versions 130-139 belong to feedback).
///
/// One row per feedback, written in the same transaction as the feedback's events (stream `feedback-<id>`), so the
/// sender reads their own submission at once. `sequence` orders the moderation queue (oldest first) and the public
/// list (newest first) and is the opaque cursor of both.
enum FeedbackMigrations {
    static let all: [Migration] = [feedback]

    static let feedback = Migration(
        version: 130,
        name: "public feedback",
        sql: """
            CREATE TABLE feedback (
                feedback_id uuid PRIMARY KEY,
                sequence bigserial NOT NULL UNIQUE,
                tracking_code text NOT NULL UNIQUE,
                period_id uuid,
                category text NOT NULL,
                reference text,
                message text NOT NULL,
                state text NOT NULL CHECK (state IN ('received', 'published', 'rejected', 'answered')),
                listed boolean NOT NULL DEFAULT false,
                public_reason text,
                moderated_by uuid,
                moderated_at timestamptz,
                answer text,
                answer_is_public boolean,
                answered_by uuid,
                answered_at timestamptz,
                received_at timestamptz NOT NULL,
                stream_version bigint NOT NULL
            );
            CREATE INDEX feedback_by_state ON feedback (state, sequence);
            CREATE INDEX feedback_listed ON feedback (sequence DESC) WHERE listed;
            """)
}
