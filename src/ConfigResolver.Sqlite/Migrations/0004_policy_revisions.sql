-- Policy revisions (issue 12 part B): immutable, numbered 1, 2, 3, ...; the newest is the current one. Each is stored
-- by one write that also appends a 'policy_revision' change-log row, so every process switches through the change feed.
CREATE TABLE policy_revisions (
    number         INTEGER NOT NULL PRIMARY KEY,
    -- 'sha256:' and the hex digest of every path and text (PolicyRevisionDraft.ContentHash).
    content_hash   TEXT    NOT NULL,
    author         TEXT    NOT NULL,
    message        TEXT,
    -- The revision a rollback restored, or NULL.
    restored_from  INTEGER,
    -- The change-log revision of the write that stored it.
    store_revision INTEGER NOT NULL,
    created_at     TEXT    NOT NULL,
    file_count     INTEGER NOT NULL,
    -- The files as one JSON array [{"path": ..., "text": ...}], in ordinal path order.
    files_json     TEXT    NOT NULL
) STRICT;
