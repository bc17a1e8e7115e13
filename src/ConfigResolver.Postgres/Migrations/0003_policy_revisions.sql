-- Policy revisions (issue 12 part B): immutable, numbered 1, 2, 3, ...; the newest is the current one. Each is stored
-- by one write (which holds the change-log head's lock) that also appends a 'policy_revision' change-log row and its
-- NOTIFY, so every instance switches through the change feed.
CREATE TABLE policy_revisions (
    number         bigint  NOT NULL PRIMARY KEY,
    -- 'sha256:' and the hex digest of every path and text (PolicyRevisionDraft.ContentHash).
    content_hash   text    NOT NULL,
    author         text    NOT NULL,
    message        text,
    -- The revision a rollback restored, or NULL.
    restored_from  bigint,
    -- The change-log revision of the write that stored it.
    store_revision bigint  NOT NULL,
    created_at     text    NOT NULL,
    file_count     integer NOT NULL,
    -- The files as one JSON array [{"path": ..., "text": ...}], in ordinal path order (text, not jsonb: kept byte for byte).
    files_json     text    NOT NULL
);
