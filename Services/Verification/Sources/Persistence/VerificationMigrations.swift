import EventStore

/// The verification service's own tables (versions from 100; 1-99 belong to the event store).
///
/// `cases` is the inline read model of the case streams: the whole ``VerificationCase`` as `state` (json), plus the columns
/// the queue, countersignature and objection lists filter and sort on. It is written in the same transaction as the
/// case's events, so a caller reads its own write and the row's `stream_version` is the version the state folds.
enum VerificationMigrations {
    static let all: [Migration] = [catalogue, cases]

    /// What the intake projection keeps of the registration catalogue: the agency's time zone (objection windows)
    /// and the formation names of the officers' work lists.
    static let catalogue = Migration(
        version: 100,
        name: "periods and formations",
        sql: """
            CREATE TABLE periods (
                period_id uuid PRIMARY KEY,
                agency_name text NOT NULL,
                name text NOT NULL,
                time_zone text NOT NULL
            );
            CREATE TABLE formations (
                formation_id uuid PRIMARY KEY,
                period_id uuid NOT NULL,
                position_name text NOT NULL,
                unit_name text NOT NULL,
                kind text NOT NULL,
                quota integer NOT NULL
            );
            """)

    static let cases = Migration(
        version: 101,
        name: "cases, publications, inspections, integrity alerts",
        sql: """
            CREATE TABLE cases (
                case_id uuid PRIMARY KEY,
                application_id uuid NOT NULL UNIQUE,
                applicant_id uuid NOT NULL,
                period_id uuid NOT NULL,
                formation_id uuid NOT NULL,
                registration_number text NOT NULL,
                submitted_at timestamptz NOT NULL,
                opened_at timestamptz NOT NULL,
                status text NOT NULL,
                claimed_by uuid,
                lease_expires_at timestamptz,
                decided_by uuid,
                returned_reason text,
                conflicted_officers uuid[] NOT NULL DEFAULT '{}',
                final_outcome text,
                objection_status text,
                stream_version bigint NOT NULL,
                -- A case is opened with the submission as consumed (its JSON as it came, not re-encoded) and no state:
                -- the state is folded from it on first read and stored whole (json: written and read whole) from the
                -- first command on.
                submission json,
                state json,
                updated_at timestamptz NOT NULL,
                CHECK (state IS NOT NULL OR submission IS NOT NULL)
            );
            -- The queue: cases in verification per formation (and overall), oldest submission first.
            CREATE INDEX cases_queue_formation ON cases (formation_id, submitted_at, case_id)
                WHERE status IN ('open', 'claimed');
            CREATE INDEX cases_queue ON cases (submitted_at, case_id) WHERE status IN ('open', 'claimed');
            CREATE INDEX cases_awaiting_countersignature ON cases (submitted_at, case_id)
                WHERE status = 'awaiting-countersignature';
            CREATE INDEX cases_objections ON cases (objection_status, formation_id) WHERE objection_status IS NOT NULL;

            -- Published administrative results per formation and round; the initial round's objection window.
            CREATE TABLE publications (
                publication_id uuid PRIMARY KEY,
                formation_id uuid NOT NULL,
                period_id uuid NOT NULL,
                round text NOT NULL,
                ms_count integer NOT NULL,
                tms_count integer NOT NULL,
                objection_opens_at timestamptz,
                objection_closes_at timestamptz,
                answers_due_at timestamptz,
                published_by uuid NOT NULL,
                published_at timestamptz NOT NULL,
                UNIQUE (formation_id, round)
            );

            -- Who opened which document, after its bytes matched the submitted SHA-256 (audit trail; a verdict needs
            -- one).
            CREATE TABLE document_inspections (
                case_id uuid NOT NULL,
                document_id uuid NOT NULL,
                officer_id uuid NOT NULL,
                inspected_at timestamptz NOT NULL,
                PRIMARY KEY (case_id, document_id, officer_id, inspected_at)
            );

            -- Documents whose bytes did not match the hash recorded at submission: refused and kept for follow-up.
            CREATE TABLE integrity_alerts (
                alert_id uuid PRIMARY KEY,
                case_id uuid NOT NULL,
                document_id uuid NOT NULL,
                expected_sha256 text NOT NULL,
                actual_sha256 text NOT NULL,
                officer_id uuid NOT NULL,
                detected_at timestamptz NOT NULL
            );
            CREATE INDEX integrity_alerts_detected ON integrity_alerts (detected_at DESC);
            """)
}
