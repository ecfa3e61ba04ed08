import EventStore

/// The exam service's own tables (versions from 100; 1-99 belong to the event store).
///
/// Two kinds of table: the **intake** tables (periods, formations, applications, administrative results,
/// publications) are a projection of the registration and verification topics and are rebuilt from them; the
/// **exam** tables (sessions, participants, seats, results, rankings, final results, schemes, answer keys, imports)
/// are the inline read model of this service's own event streams, written in the same transaction as their events,
/// and survive a rebuild of the projection.
enum ExamMigrations {
    static let all: [Migration] = [intake, exam]

    static let intake = Migration(
        version: 100,
        name: "intake from registration and verification",
        sql: """
            CREATE TABLE periods (
                period_id uuid PRIMARY KEY,
                agency_name text NOT NULL,
                name text NOT NULL,
                program text NOT NULL,
                fiscal_year integer NOT NULL,
                time_zone text NOT NULL
            );
            CREATE TABLE formations (
                formation_id uuid PRIMARY KEY,
                period_id uuid NOT NULL,
                position_name text NOT NULL,
                unit_name text NOT NULL,
                placement text NOT NULL,
                kind text NOT NULL,
                quota integer NOT NULL,
                education_requirements json NOT NULL,
                announced_skb_components json NOT NULL
            );
            CREATE INDEX formations_period ON formations (period_id);
            -- Submitted applications: what the exam needs of them (no NIK, KK, birth date or document).
            CREATE TABLE applications (
                application_id uuid PRIMARY KEY,
                applicant_id uuid NOT NULL,
                period_id uuid NOT NULL,
                formation_id uuid NOT NULL,
                formation_kind text NOT NULL,
                registration_number text NOT NULL,
                applicant_name text NOT NULL,
                academic_grade json NOT NULL,
                submitted_at timestamptz NOT NULL,
                withdrawn_at timestamptz
            );
            CREATE INDEX applications_formation ON applications (formation_id);
            CREATE INDEX applications_period ON applications (period_id);
            CREATE INDEX applications_applicant ON applications (applicant_id);
            -- The administrative result of each application (DOMAIN §1.4-1.5), kept apart from `applications` because
            -- the verification topic is consumed independently of the registration topic and may run ahead of it.
            CREATE TABLE administrative_results (
                application_id uuid PRIMARY KEY,
                decision_id uuid NOT NULL,
                outcome text NOT NULL,
                final boolean NOT NULL
            );
            -- Published administrative results: per formation, or the whole period when formation_id is null.
            CREATE TABLE administrative_publications (
                publication_id uuid PRIMARY KEY,
                period_id uuid NOT NULL,
                formation_id uuid,
                published_at timestamptz NOT NULL
            );
            CREATE INDEX administrative_publications_period ON administrative_publications (period_id);
            """)

    static let exam = Migration(
        version: 101,
        name: "sessions, participants, results, rankings",
        sql: """
            CREATE TABLE sessions (
                session_id uuid PRIMARY KEY,
                period_id uuid NOT NULL,
                stage text NOT NULL,
                site json NOT NULL,
                site_name text NOT NULL,
                label text NOT NULL,
                starts_at timestamptz NOT NULL,
                duration_minutes integer NOT NULL,
                capacity integer NOT NULL,
                seats_taken integer NOT NULL DEFAULT 0,
                stream_version bigint NOT NULL,
                created_at timestamptz NOT NULL,
                CHECK (seats_taken <= capacity)
            );
            CREATE INDEX sessions_period ON sessions (period_id, stage, starts_at);

            -- One row per candidate who got a seat: the participant number (kept from the SKD to the SKB) and the
            -- version of the candidate's stream, which every command on the candidate locks and advances.
            CREATE SEQUENCE participant_serial;
            CREATE TABLE participants (
                application_id uuid PRIMARY KEY,
                participant_number text NOT NULL UNIQUE,
                applicant_id uuid NOT NULL,
                formation_id uuid NOT NULL,
                period_id uuid NOT NULL,
                stream_version bigint NOT NULL
            );
            CREATE INDEX participants_formation ON participants (formation_id);
            CREATE INDEX participants_applicant ON participants (applicant_id);

            CREATE TABLE seats (
                application_id uuid NOT NULL,
                stage text NOT NULL,
                session_id uuid NOT NULL,
                seat text NOT NULL,
                assigned_at timestamptz NOT NULL,
                PRIMARY KEY (application_id, stage)
            );
            CREATE INDEX seats_session ON seats (session_id, seat);

            -- The outcome of a stage: scored (with the result JSON), absent or disqualified. One per candidate and
            -- stage: a second result is refused.
            CREATE TABLE stage_outcomes (
                application_id uuid NOT NULL,
                stage text NOT NULL,
                outcome text NOT NULL,
                formation_id uuid NOT NULL,
                skd_total integer,
                result json,
                recorded_at timestamptz NOT NULL,
                recorded_by uuid NOT NULL,
                PRIMARY KEY (application_id, stage)
            );
            CREATE INDEX stage_outcomes_formation ON stage_outcomes (formation_id, stage);

            -- Finalised SKD rankings and computed final results: the event as recorded, plus each row's code for the
            -- next stage's seating.
            CREATE TABLE skd_rankings (
                formation_id uuid PRIMARY KEY,
                ranking_id uuid NOT NULL UNIQUE,
                ranking json NOT NULL,
                finalised_at timestamptz NOT NULL,
                finalised_by uuid NOT NULL
            );
            CREATE TABLE skd_codes (
                application_id uuid PRIMARY KEY,
                formation_id uuid NOT NULL,
                code text NOT NULL
            );
            CREATE TABLE final_results (
                formation_id uuid PRIMARY KEY,
                result_id uuid NOT NULL UNIQUE,
                period_id uuid NOT NULL,
                result json NOT NULL,
                computed_at timestamptz NOT NULL,
                computed_by uuid NOT NULL
            );
            CREATE TABLE formation_streams (
                formation_id uuid PRIMARY KEY,
                stream_version bigint NOT NULL
            );

            -- The SKB components, weights and raw maxima an exam officer set for a formation (otherwise the
            -- components announced with the formation apply).
            CREATE TABLE skb_schemes (
                formation_id uuid PRIMARY KEY,
                agency_level text NOT NULL,
                components json NOT NULL,
                set_by uuid NOT NULL,
                set_at timestamptz NOT NULL
            );

            -- Answer keys of SKD exam packages: confidential, never published, never in an event.
            CREATE TABLE exam_packages (
                package_id uuid PRIMARY KEY,
                period_id uuid NOT NULL,
                code text NOT NULL,
                answer_key json NOT NULL,
                created_by uuid NOT NULL,
                created_at timestamptz NOT NULL,
                UNIQUE (period_id, code)
            );

            -- Imported CAT files (audit): what was imported, by whom, with the file's SHA-256.
            CREATE TABLE skd_imports (
                import_id uuid PRIMARY KEY,
                sha256 text NOT NULL,
                rows integer NOT NULL,
                imported_by uuid NOT NULL,
                imported_at timestamptz NOT NULL
            );
            """)
}
