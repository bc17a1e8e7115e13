-- 0002: the durable change log. Every write appends one row in its own transaction and moves the head, so revisions
-- grow by one per committed write (SQLite has one writer at a time) and other processes can read what they missed.

-- The revision of the last committed write. A separate row (not MAX(revision)) so pruning can never move it back.
CREATE TABLE change_log_head (
    id       INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL
) STRICT;

INSERT INTO change_log_head (id, revision) VALUES (1, 0);

CREATE TABLE change_log (
    revision          INTEGER NOT NULL PRIMARY KEY,
    -- ChangeLogKinds wire name, e.g. 'membership_set'.
    kind              TEXT    NOT NULL,
    organization_id   TEXT,
    -- Slugs never change, so the slug written here names the organization for as long as it exists.
    organization_slug TEXT,
    user_id           TEXT,
    -- Users whose default organization the store reassigned in the same write, space-separated ids.
    affected_user_ids TEXT    NOT NULL DEFAULT '',
    -- Commit time, Unix milliseconds; rows older than the retention period are pruned (the newest row always stays).
    at                INTEGER NOT NULL
) STRICT;

CREATE INDEX change_log_by_time ON change_log (at);
