import EventStore

/// The read models of the announcements service (versions from 100; 1-99 belong to the event store).
enum AnnouncementsMigrations {
    static let all: [Migration] = [formationCounts] + PublicReadModelMigrations.all + AnnouncementMigrations.all + FeedbackMigrations.all
        + ScoreboardMigrations.all + TransparencyLogMigrations.all

    /// Public applicant counts per formation (DOMAIN §5.1: visible during registration).
    static let formationCounts = Migration(
        version: 100,
        name: "formation applicant counts",
        sql: """
            CREATE TABLE formation_applicant_counts (
                formation_id uuid PRIMARY KEY,
                period_id uuid NOT NULL,
                submitted integer NOT NULL DEFAULT 0 CHECK (submitted >= 0),
                withdrawn integer NOT NULL DEFAULT 0 CHECK (withdrawn >= 0),
                updated_at timestamptz NOT NULL
            );
            CREATE INDEX formation_applicant_counts_period ON formation_applicant_counts (period_id, formation_id);
            """)
}
