import EventStore

/// The transparency log's tables (versions 110-119): the logged records, the perfect-subtree nodes, the single-row
/// log head and the signed checkpoints (ARCHITECTURE §7).
enum TransparencyLogMigrations {
    static let all: [Migration] = [tables]

    static let tables = Migration(
        version: 110,
        name: "transparency log",
        sql: """
            -- Every public record committed to the log: the canonical JSON, its salt and its leaf.
            CREATE TABLE transparency_log_records (
                record_id uuid PRIMARY KEY,
                kind text NOT NULL CHECK (kind <> ''),
                canonical_json text NOT NULL,
                salt bytea NOT NULL CHECK (octet_length(salt) = 32),
                leaf_index bigint NOT NULL UNIQUE CHECK (leaf_index >= 0),
                leaf_hash bytea NOT NULL CHECK (octet_length(leaf_hash) = 32),
                logged_at timestamptz NOT NULL DEFAULT now()
            );
            -- The hash of every perfect subtree (2^level leaves from leaf index * 2^level), stored once complete.
            -- Level 0 holds the leaf hashes. Proofs and roots of any size are assembled from these rows.
            CREATE TABLE transparency_log_nodes (
                level smallint NOT NULL CHECK (level BETWEEN 0 AND 62),
                index bigint NOT NULL CHECK (index >= 0),
                hash bytea NOT NULL CHECK (octet_length(hash) = 32),
                PRIMARY KEY (level, index)
            );
            -- The one row every append locks: the tree size and its right border (the perfect subtrees a tree of
            -- that size is made of, largest first), enough to continue the log.
            CREATE TABLE transparency_log_head (
                singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
                tree_size bigint NOT NULL CHECK (tree_size >= 0),
                border bytea[] NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now()
            );
            INSERT INTO transparency_log_head (tree_size, border) VALUES (0, '{}');
            -- The signed checkpoints (C2SP signed notes), one per tree size.
            CREATE TABLE transparency_log_checkpoints (
                tree_size bigint PRIMARY KEY CHECK (tree_size >= 0),
                root_hash bytea NOT NULL CHECK (octet_length(root_hash) = 32),
                origin text NOT NULL,
                key_name text NOT NULL,
                signed_note text NOT NULL,
                signed_at timestamptz NOT NULL DEFAULT now()
            );
            """)
}
