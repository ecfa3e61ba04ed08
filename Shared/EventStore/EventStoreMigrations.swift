/// The tables of the event store, the transactional outbox and projection bookkeeping, as migrations.
///
/// Every service runs these together with its own read-model migrations (numbered from 100 upwards):
/// `EventStoreMigrations.all + MyServiceMigrations.all`.
public enum EventStoreMigrations {
    /// Versions reserved for this module's migrations.
    public static let reservedVersions: ClosedRange<Int64> = 1...99

    /// All migrations of this module, in version order.
    public static let all: [Migration] = [
        eventStore, projections, withoutAppendNotifications, lz4Compression, appendOnlyByColumn, outboxTable,
    ]

    /// Version 1: the append-only `events` table, which doubles as the transactional outbox.
    public static let eventStore = Migration(
        version: 1,
        name: "event_store",
        sql: """
            CREATE TABLE events (
                position        bigserial   PRIMARY KEY,
                stream_id       text        NOT NULL CHECK (stream_id <> ''),
                stream_version  bigint      NOT NULL CHECK (stream_version > 0),
                event_id        uuid        NOT NULL,
                type            text        NOT NULL,
                payload         jsonb       NOT NULL,
                metadata        jsonb       NOT NULL,
                recorded_at     timestamptz NOT NULL DEFAULT now(),
                published_at    timestamptz,
                CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version),
                CONSTRAINT events_event_id_key UNIQUE (event_id)
            );

            -- The outbox: the relay scans unpublished rows by position; the index stays as small as the backlog.
            CREATE INDEX events_unpublished_idx ON events (position) WHERE published_at IS NULL;

            -- Append-only: rows are never deleted and only published_at may change.
            CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP <> 'UPDATE' THEN
                    RAISE EXCEPTION 'events is append-only: % is not allowed', TG_OP
                        USING ERRCODE = 'restrict_violation';
                END IF;
                IF (NEW.position, NEW.stream_id, NEW.stream_version, NEW.event_id, NEW.type, NEW.payload,
                    NEW.metadata, NEW.recorded_at)
                    IS DISTINCT FROM
                   (OLD.position, OLD.stream_id, OLD.stream_version, OLD.event_id, OLD.type, OLD.payload,
                    OLD.metadata, OLD.recorded_at) THEN
                    RAISE EXCEPTION 'events is append-only: only published_at may be updated'
                        USING ERRCODE = 'restrict_violation';
                END IF;
                RETURN NEW;
            END;
            $$;

            CREATE TRIGGER events_append_only_rows
                BEFORE UPDATE OR DELETE ON events
                FOR EACH ROW EXECUTE FUNCTION events_append_only();

            CREATE TRIGGER events_append_only_truncate
                BEFORE TRUNCATE ON events
                FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();

            -- Wakes a LISTENing outbox relay when appended events commit (it still polls as a fallback).
            CREATE FUNCTION events_notify_appended() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('events_appended', '');
                RETURN NULL;
            END;
            $$;

            CREATE TRIGGER events_notify_appended
                AFTER INSERT ON events
                FOR EACH STATEMENT EXECUTE FUNCTION events_notify_appended();
            """
    )

    /// Version 2: projection offsets, the de-duplication inbox and dead letters.
    public static let projections = Migration(
        version: 2,
        name: "projection_bookkeeping",
        sql: """
            -- The next Kafka offset to consume per consumer group and partition, committed with the read model.
            CREATE TABLE projection_offsets (
                consumer_group  text        NOT NULL,
                topic           text        NOT NULL,
                partition       integer     NOT NULL CHECK (partition >= 0),
                next_offset     bigint      NOT NULL CHECK (next_offset >= 0),
                updated_at      timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (consumer_group, topic, partition)
            );

            -- Event ids already handled by a consumer group: a redelivered event is skipped.
            CREATE TABLE projection_inbox (
                consumer_group  text        NOT NULL,
                event_id        uuid        NOT NULL,
                processed_at    timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (consumer_group, event_id)
            );

            -- Messages a projection could not decode or refused, kept whole for inspection and replay.
            CREATE TABLE dead_letters (
                id              bigserial   PRIMARY KEY,
                consumer_group  text        NOT NULL,
                topic           text        NOT NULL,
                partition       integer     NOT NULL,
                "offset"        bigint      NOT NULL,
                key             bytea,
                headers         jsonb       NOT NULL DEFAULT '[]',
                payload         bytea,
                event_id        uuid,
                event_type      text,
                reason          text        NOT NULL,
                recorded_at     timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT dead_letters_message_key UNIQUE (consumer_group, topic, partition, "offset")
            );
            """
    )

    /// Version 3: appends no longer `NOTIFY`. PostgreSQL serialises the commits of all notifying transactions on one
    /// global lock, which capped appends under load; the outbox relay polls its unpublished events anyway.
    public static let withoutAppendNotifications = Migration(
        version: 3,
        name: "no_append_notifications",
        sql: """
            DROP TRIGGER events_notify_appended ON events;
            DROP FUNCTION events_notify_appended();
            """
    )

    /// Version 4: event JSON that PostgreSQL moves out of line (over about 2 kB, such as a submitted application with
    /// its documents) is compressed with LZ4 rather than pglz: a few percent larger, several times cheaper to compress
    /// on every append and to decompress on every read. Applies to values written from now on.
    public static let lz4Compression = Migration(
        version: 4,
        name: "lz4_event_compression",
        sql: """
            ALTER TABLE events
                ALTER COLUMN payload SET COMPRESSION lz4,
                ALTER COLUMN metadata SET COMPRESSION lz4;
            """
    )

    /// Version 5: the append-only guard checks the statement, not each row. The row trigger ran PL/pgSQL for every
    /// event the outbox relay marked published and compared the old and new payloads (decompressing both); triggers
    /// on the protected columns fire only for a statement that names one of them, so marking costs nothing extra and
    /// any other update, delete or truncate is still refused with `restrict_violation`.
    public static let appendOnlyByColumn = Migration(
        version: 5,
        name: "append_only_by_column",
        sql: """
            DROP TRIGGER events_append_only_rows ON events;

            CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    RAISE EXCEPTION 'events is append-only: only published_at may be updated'
                        USING ERRCODE = 'restrict_violation';
                END IF;
                RAISE EXCEPTION 'events is append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
            END;
            $$;

            CREATE TRIGGER events_append_only_columns
                BEFORE UPDATE OF position, stream_id, stream_version, event_id, type, payload, metadata, recorded_at
                ON events FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();

            CREATE TRIGGER events_append_only_delete
                BEFORE DELETE ON events FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();
            """
    )

    /// Version 6: the outbox is a table of unpublished positions, and `events` is immutable.
    ///
    /// Marking an event published used to rewrite its row: an update that cannot be HOT (the partial index of
    /// unpublished rows depends on the column), so a new row version, an entry in each of the table's indexes, and
    /// dead rows to vacuum, about a tenth of PostgreSQL's time per submission. Now every append also inserts its
    /// position into `outbox` in the same statement, and the relay deletes it there once the broker acknowledged the
    /// event. Events still unpublished at the upgrade are carried over. No statement may update an event any more.
    ///
    /// Not backward compatible: a replica of an earlier version still running during a rolling upgrade can no longer
    /// mark events published (its relay retries), and events it appends are not in the outbox; at most it publishes
    /// events twice, which consumers de-duplicate by event id. Upgrade by stopping old replicas first.
    public static let outboxTable = Migration(
        version: 6,
        name: "outbox_table",
        sql: """
            CREATE TABLE outbox (
                position bigint PRIMARY KEY
            );
            INSERT INTO outbox (position) SELECT position FROM events WHERE published_at IS NULL;

            DROP INDEX events_unpublished_idx;
            DROP TRIGGER events_append_only_columns ON events;
            ALTER TABLE events DROP COLUMN published_at;

            CREATE OR REPLACE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'events is append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
            END;
            $$;

            CREATE TRIGGER events_append_only_update
                BEFORE UPDATE ON events FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();
            """
    )
}
