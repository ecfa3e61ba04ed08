import EventStore

/// The registration service's own tables (versions from 100; 1-99 belong to the event store). They are the inline
/// read model: written in the same transaction as the events, so a caller reads its own write.
enum RegistrationMigrations {
    static let all: [Migration] = [
        catalogue, applicants, accountsAndDocuments, registrationNumberBlocks, lz4Submissions,
        withoutRedundantApplicantIndex,
    ]

    static let catalogue = Migration(
        version: 100,
        name: "periods and formations",
        sql: """
            CREATE TABLE periods (
                period_id uuid PRIMARY KEY,
                stream_version bigint NOT NULL,
                document jsonb NOT NULL,
                registration_opens_at timestamptz NOT NULL,
                registration_closes_at timestamptz NOT NULL,
                created_at timestamptz NOT NULL
            );
            CREATE TABLE formations (
                formation_id uuid PRIMARY KEY,
                period_id uuid NOT NULL REFERENCES periods (period_id),
                document jsonb NOT NULL,
                created_at timestamptz NOT NULL
            );
            CREATE INDEX formations_period ON formations (period_id, formation_id);
            """)

    /// Applicants hold the only copy of NIK and KK: encrypted (AES-GCM), with a keyed hash of the NIK as the unique
    /// index, so the table has no plain-text NIK at all.
    static let applicants = Migration(
        version: 101,
        name: "applicants and applications",
        sql: """
            CREATE TABLE applicants (
                applicant_id uuid PRIMARY KEY,
                nik_index text NOT NULL UNIQUE,
                nik_sealed bytea NOT NULL,
                kk_sealed bytea NOT NULL,
                full_name text NOT NULL,
                birth_date date NOT NULL,
                email text NOT NULL,
                phone text NOT NULL,
                registered_at timestamptz NOT NULL
            );
            CREATE SEQUENCE registration_number_seq;
            CREATE TABLE applications (
                application_id uuid PRIMARY KEY,
                applicant_id uuid NOT NULL REFERENCES applicants (applicant_id),
                period_id uuid NOT NULL REFERENCES periods (period_id),
                formation_id uuid NOT NULL REFERENCES formations (formation_id),
                registration_number text NOT NULL UNIQUE,
                status text NOT NULL,
                submitted_at timestamptz NOT NULL,
                UNIQUE (applicant_id, period_id)
            );
            CREATE INDEX applications_formation ON applications (formation_id);
            """)

    /// Accounts (applicants and officers), documents and the application life cycle (draft → submitted → withdrawn),
    /// plus what the verification topic says about each application.
    static let accountsAndDocuments = Migration(
        version: 102,
        name: "accounts, documents, application life cycle",
        sql: """
            CREATE TABLE accounts (
                account_id uuid PRIMARY KEY,
                kind text NOT NULL CHECK (kind IN ('applicant', 'officer')),
                email text NOT NULL UNIQUE,
                password_hash text NOT NULL,
                roles text[] NOT NULL,
                display_name text NOT NULL,
                created_at timestamptz NOT NULL,
                created_by uuid,
                failed_logins integer NOT NULL DEFAULT 0,
                locked_until timestamptz
            );
            ALTER TABLE applications
                ALTER COLUMN registration_number DROP NOT NULL,
                ALTER COLUMN submitted_at DROP NOT NULL,
                ADD COLUMN stream_version bigint NOT NULL DEFAULT 0,
                ADD COLUMN started_at timestamptz,
                ADD COLUMN submission jsonb,
                ADD COLUMN withdrawn_at timestamptz,
                ADD COLUMN withdrawal_reason text,
                ADD COLUMN verification_case_id uuid,
                ADD COLUMN verification_started_at timestamptz,
                ADD COLUMN verification_decision jsonb,
                ADD COLUMN administrative_result_published_at timestamptz,
                ADD COLUMN objection jsonb;
            ALTER TABLE applications ADD CONSTRAINT applications_status
                CHECK (status IN ('draft', 'submitted', 'withdrawn'));
            CREATE INDEX applications_applicant ON applications (applicant_id);
            CREATE INDEX applications_period ON applications (period_id);
            CREATE TABLE documents (
                document_id uuid PRIMARY KEY,
                application_id uuid NOT NULL REFERENCES applications (application_id),
                requirement_code text NOT NULL,
                type text NOT NULL,
                format text NOT NULL,
                size_bytes integer NOT NULL,
                sha256 text NOT NULL,
                content bytea NOT NULL,
                uploaded_at timestamptz NOT NULL,
                -- Deferred: a replacement marks the old row before the new one exists (one current row per requirement).
                replaced_by uuid REFERENCES documents (document_id) DEFERRABLE INITIALLY DEFERRED
            );
            -- JPEG and PDF are compressed already: store them out of line without another compression pass.
            ALTER TABLE documents ALTER COLUMN content SET STORAGE EXTERNAL;
            CREATE UNIQUE INDEX documents_current ON documents (application_id, requirement_code)
                WHERE replaced_by IS NULL;
            CREATE TABLE period_publications (
                period_id uuid NOT NULL,
                formation_id uuid,
                published_at timestamptz NOT NULL
            );
            CREATE INDEX period_publications_period ON period_publications (period_id);
            """)

    /// Registration numbers are handed out in blocks of 100 per instance (``RegistrationNumberAllocator``), so a
    /// submission does not pay a round trip for its number. A restart leaves a gap in the numbers, never a repeat.
    static let registrationNumberBlocks = Migration(
        version: 103,
        name: "registration numbers in blocks",
        sql: "ALTER SEQUENCE registration_number_seq INCREMENT BY \(RegistrationNumberAllocator.blockSize);")

    /// The frozen submission (a copy of the `ApplicationSubmittedV1` payload, over 2 kB with its documents) is
    /// compressed with LZ4 like the event itself (``EventStoreMigrations/lz4Compression``), not with pglz.
    static let lz4Submissions = Migration(
        version: 104,
        name: "lz4 compression of frozen submissions",
        sql: "ALTER TABLE applications ALTER COLUMN submission SET COMPRESSION lz4;")

    /// `applications_applicant` repeated the leading column of the unique `(applicant_id, period_id)` index, which
    /// answers the same lookups; every insert and every submission (a non-HOT update) paid for the extra entry.
    static let withoutRedundantApplicantIndex = Migration(
        version: 105,
        name: "drop the index the unique applicant-period index covers",
        sql: "DROP INDEX applications_applicant;")
}
