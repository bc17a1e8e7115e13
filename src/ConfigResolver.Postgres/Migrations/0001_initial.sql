-- 0001: organizations, users, memberships and the change log.
-- Applied by PgMigrator in one transaction together with its schema_migrations row, under an advisory lock so
-- instances starting together migrate once. Ids are uuid; entity times are ISO 8601 round-trip text ("O"), so a
-- DateTimeOffset reads back exactly (timestamptz would keep microseconds and drop the offset).

CREATE TABLE organizations (
    id              uuid    NOT NULL PRIMARY KEY,
    slug            text    NOT NULL CONSTRAINT organizations_slug_key UNIQUE,
    name            text    NOT NULL,
    is_system       boolean NOT NULL,
    status          text    NOT NULL CHECK (status IN ('active', 'suspended', 'trial')),
    plan            text    NOT NULL,
    -- The document exactly as validated (text, not jsonb, so key order and numbers read back unchanged).
    config_json     text    NOT NULL,
    -- SHA-256 hex of features.signup_key; uniqueness is checked through this index, never by scanning plaintext.
    signup_key_hash text    CONSTRAINT organizations_signup_key_hash_key UNIQUE,
    metadata_json   text    NOT NULL,
    created_at      text    NOT NULL,
    updated_at      text    NOT NULL
);

-- Exactly one system organization.
CREATE UNIQUE INDEX organizations_single_system ON organizations (is_system) WHERE is_system;

CREATE TABLE users (
    id                      uuid NOT NULL PRIMARY KEY,
    email                   text NOT NULL,
    email_normalized        text NOT NULL CONSTRAINT users_email_normalized_key UNIQUE,
    name                    text,
    default_organization_id uuid,
    created_at              text NOT NULL,
    updated_at              text NOT NULL
);

CREATE TABLE memberships (
    organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            text NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    PRIMARY KEY (organization_id, user_id)
);

CREATE UNIQUE INDEX memberships_by_user ON memberships (user_id, organization_id);

-- The default organization is always one of the user's memberships; checked at commit, after a write that removes
-- a membership has moved the default.
ALTER TABLE users ADD CONSTRAINT users_default_is_membership
    FOREIGN KEY (id, default_organization_id) REFERENCES memberships (user_id, organization_id) DEFERRABLE INITIALLY DEFERRED;

-- The revision of the last committed write. Every write transaction starts by moving it
-- (UPDATE ... RETURNING), which takes this row's lock until commit: writes from every instance are serialized, so
-- invariants are checked against committed state and revisions are handed out in commit order without gaps.
CREATE TABLE change_log_head (
    id       integer NOT NULL PRIMARY KEY CHECK (id = 1),
    revision bigint  NOT NULL
);

INSERT INTO change_log_head (id, revision) VALUES (1, 0);

CREATE TABLE change_log (
    revision          bigint NOT NULL PRIMARY KEY,
    kind              text   NOT NULL,
    organization_id   uuid,
    organization_slug text,
    user_id           uuid,
    affected_user_ids uuid[] NOT NULL DEFAULT '{}',
    -- Commit time, Unix milliseconds; rows older than the retention period are pruned (the newest row always stays).
    at                bigint NOT NULL
);

CREATE INDEX change_log_by_time ON change_log (at);
