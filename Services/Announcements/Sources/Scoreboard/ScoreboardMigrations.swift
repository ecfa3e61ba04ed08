import EventStore

/// The live scoreboard's read model (versions 120-129): exam sessions and one public result row per application.
enum ScoreboardMigrations {
    static let all: [Migration] = [sessions, results]

    /// CAT sessions with their test site, from `ExamSessionScheduledV1` and `ExamSessionRescheduledV1`.
    static let sessions = Migration(
        version: 120,
        name: "scoreboard sessions",
        sql: """
            CREATE TABLE scoreboard_sessions (
                session_id uuid PRIMARY KEY,
                period_id uuid NOT NULL,
                stage text NOT NULL,
                site_code text,
                site_name text NOT NULL,
                site_regency text,
                label text NOT NULL,
                starts_at timestamptz NOT NULL,
                duration_minutes integer NOT NULL,
                capacity integer NOT NULL
            );
            CREATE INDEX scoreboard_sessions_start ON scoreboard_sessions (starts_at, session_id);
            CREATE INDEX scoreboard_sessions_site ON scoreboard_sessions (site_code);
            """)

    /// The public result rows (no applicant id, no free-text reason) and the counter their sequence numbers come from.
    ///
    /// The counter is one row: a batch takes its numbers with `UPDATE … RETURNING`, which locks the row until the
    /// batch commits, so numbers become visible in the order they were taken. A reader asking for "everything after
    /// sequence n" therefore never skips a row that commits late (ARCHITECTURE §5, commit-order gaps). It is not reset
    /// by a rebuild: sequence numbers only ever grow, so a viewer's `Last-Event-ID` stays meaningful.
    static let results = Migration(
        version: 121,
        name: "scoreboard results",
        sql: """
            CREATE TABLE scoreboard_sequence (
                singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
                last_sequence bigint NOT NULL CHECK (last_sequence >= 0)
            );
            INSERT INTO scoreboard_sequence (singleton, last_sequence) VALUES (true, 0);
            CREATE TABLE scoreboard_results (
                application_id uuid PRIMARY KEY,
                sequence bigint NOT NULL UNIQUE,
                participant_number text NOT NULL,
                formation_id uuid,
                formation_kind text,
                session_id uuid,
                twk integer,
                tiu integer,
                tkp integer,
                total integer,
                meets_passing_grade boolean,
                status text NOT NULL CHECK (status IN ('scored', 'absent', 'disqualified')),
                reason_code text,
                recorded_at timestamptz NOT NULL
            );
            CREATE INDEX scoreboard_results_session ON scoreboard_results (session_id, sequence);
            """)
}
