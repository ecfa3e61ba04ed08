import EventStore

/// Official announcements (version 102): drafts the announcers review, and the published announcements with their
/// rows, which the database itself keeps immutable.
enum AnnouncementMigrations {
    static let all: [Migration] = [announcements]

    static let announcements = Migration(
        version: 102,
        name: "official announcements",
        sql: """
            CREATE TABLE announcement_drafts (
                draft_id uuid PRIMARY KEY,
                request jsonb NOT NULL,
                content jsonb NOT NULL,
                created_by uuid NOT NULL,
                created_at timestamptz NOT NULL,
                refreshed_at timestamptz NOT NULL
            );

            -- One row: the last sequence number handed out, locked while publishing so numbers have no gaps.
            CREATE TABLE announcement_counter (
                only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                last_sequence bigint NOT NULL
            );
            INSERT INTO announcement_counter VALUES (true, 0);

            CREATE TABLE announcements (
                announcement_id uuid PRIMARY KEY,
                sequence bigint NOT NULL UNIQUE,
                number text NOT NULL UNIQUE,
                kind text NOT NULL,
                period_id uuid,
                formation_id uuid,
                title text NOT NULL,
                dated date NOT NULL,
                corrects_announcement_id uuid REFERENCES announcements,
                record jsonb NOT NULL,
                record_id uuid NOT NULL UNIQUE,
                leaf_index bigint NOT NULL,
                row_count integer NOT NULL,
                published_by uuid NOT NULL,
                published_at timestamptz NOT NULL
            );
            CREATE INDEX announcements_period ON announcements (period_id, sequence);
            CREATE INDEX announcements_corrects ON announcements (corrects_announcement_id);

            CREATE TABLE announcement_rows (
                announcement_id uuid NOT NULL REFERENCES announcements,
                position integer NOT NULL,
                record_id uuid NOT NULL UNIQUE,
                leaf_index bigint NOT NULL,
                record jsonb NOT NULL,
                PRIMARY KEY (announcement_id, position)
            );

            -- Published means immutable: a correction is a new announcement that names the one it corrects.
            CREATE FUNCTION announcements_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'published announcements are immutable (%)', TG_TABLE_NAME
                    USING ERRCODE = 'integrity_constraint_violation';
            END $$;
            CREATE TRIGGER announcements_immutable BEFORE UPDATE OR DELETE ON announcements
                FOR EACH ROW EXECUTE FUNCTION announcements_are_immutable();
            CREATE TRIGGER announcement_rows_immutable BEFORE UPDATE OR DELETE ON announcement_rows
                FOR EACH ROW EXECUTE FUNCTION announcements_are_immutable();
            """)
}
