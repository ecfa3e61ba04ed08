import EventStore

/// The registration service's own tables (versions from 100; 1-99 belong to the event store). They are the inline
/// read model: written in the same transaction as the events, so a caller reads its own write.
enum RegistrationMigrations {
    static let all: [Migration] = [catalogue, applicants]

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
}
