import EventStore

/// The public read models (version 101): what the selection has published, stage by stage, without personal data
/// beyond what official announcements print (name, registration and participant numbers).
enum PublicReadModelMigrations {
    static let all: [Migration] = [publicReadModels]

    static let publicReadModels = Migration(
        version: 101,
        name: "public read models",
        sql: """
            CREATE TABLE public_periods (
                period_id uuid PRIMARY KEY,
                agency_name text NOT NULL,
                agency_code text,
                name text NOT NULL,
                program text NOT NULL,
                fiscal_year integer NOT NULL,
                time_zone text NOT NULL,
                registration_opens_at timestamptz NOT NULL,
                registration_closes_at timestamptz NOT NULL,
                legal_basis jsonb NOT NULL,
                opened_at timestamptz NOT NULL
            );
            CREATE TABLE public_formations (
                formation_id uuid PRIMARY KEY,
                period_id uuid NOT NULL,
                position_name text NOT NULL,
                unit_name text NOT NULL,
                placement text NOT NULL,
                kind text NOT NULL,
                quota integer NOT NULL,
                education_requirements jsonb NOT NULL,
                age_limit jsonb NOT NULL,
                skb_components jsonb NOT NULL,
                salary_range jsonb,
                published_at timestamptz NOT NULL
            );
            CREATE INDEX public_formations_period ON public_formations (period_id, formation_id);

            -- Submitted applications: what announcements print (name, registration number), nothing else.
            CREATE TABLE public_applications (
                application_id uuid PRIMARY KEY,
                period_id uuid NOT NULL,
                formation_id uuid NOT NULL,
                registration_number text NOT NULL,
                applicant_name text NOT NULL,
                submitted_at timestamptz NOT NULL,
                withdrawn_at timestamptz
            );
            CREATE INDEX public_applications_formation ON public_applications (formation_id, registration_number);

            -- Every administrative decision and objection answer; `final_at` when it took effect. The public result
            -- of an application is its latest final outcome at the latest publication covering its formation.
            CREATE TABLE public_administrative_outcomes (
                application_id uuid NOT NULL,
                source_id uuid NOT NULL,
                outcome text NOT NULL,
                unmet_requirements jsonb NOT NULL,
                by_objection boolean NOT NULL,
                recorded_at timestamptz NOT NULL,
                final_at timestamptz,
                PRIMARY KEY (application_id, source_id)
            );
            CREATE TABLE public_administrative_publications (
                publication_id uuid PRIMARY KEY,
                period_id uuid NOT NULL,
                formation_id uuid,
                round text NOT NULL,
                ms_count integer NOT NULL,
                tms_count integer NOT NULL,
                objection_window jsonb,
                published_at timestamptz NOT NULL
            );
            CREATE INDEX public_administrative_publications_scope
                ON public_administrative_publications (period_id, formation_id, published_at);

            -- SKD rankings and final results as the exam service finalised them; large ones arrive in parts and
            -- count once every part is in.
            CREATE TABLE public_result_lists (
                list_id uuid PRIMARY KEY,
                stage text NOT NULL CHECK (stage IN ('skd', 'final')),
                period_id uuid NOT NULL,
                formation_id uuid NOT NULL,
                formation_kind text NOT NULL,
                quota integer NOT NULL,
                details jsonb NOT NULL,
                parts integer NOT NULL CHECK (parts >= 1),
                received_parts integer[] NOT NULL DEFAULT '{}',
                complete boolean NOT NULL DEFAULT false,
                produced_at timestamptz NOT NULL
            );
            CREATE INDEX public_result_lists_formation
                ON public_result_lists (formation_id, stage, complete, produced_at DESC);
            CREATE TABLE public_result_rows (
                list_id uuid NOT NULL REFERENCES public_result_lists ON DELETE CASCADE,
                part integer NOT NULL,
                position integer NOT NULL,
                application_id uuid NOT NULL,
                participant_number text NOT NULL,
                code text NOT NULL,
                rank integer,
                row_data jsonb NOT NULL,
                PRIMARY KEY (list_id, part, position)
            );
            """)
}
