-- 0001: organizations, users and memberships.
-- Applied by SqliteMigrator in one transaction together with its schema_migrations row.
-- Ids are lowercase GUID text; times are ISO 8601 round-trip text ("O"), so a DateTimeOffset reads back exactly.

CREATE TABLE organizations (
    id              TEXT    NOT NULL PRIMARY KEY,
    slug            TEXT    NOT NULL UNIQUE,
    name            TEXT    NOT NULL,
    is_system       INTEGER NOT NULL CHECK (is_system IN (0, 1)),
    status          TEXT    NOT NULL CHECK (status IN ('active', 'suspended', 'trial')),
    plan            TEXT    NOT NULL,
    config_json     TEXT    NOT NULL,
    -- SHA-256 hex of features.signup_key; uniqueness is checked through this index, never by scanning plaintext.
    signup_key_hash TEXT    UNIQUE,
    metadata_json   TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
) STRICT;

-- Exactly one system organization: a second row with is_system = 1 violates this index.
CREATE UNIQUE INDEX organizations_single_system ON organizations (is_system) WHERE is_system = 1;

CREATE TABLE users (
    id                      TEXT NOT NULL PRIMARY KEY,
    email                   TEXT NOT NULL,
    -- TenancyRules.NormalizeEmail(email): emails are unique case-insensitively.
    email_normalized        TEXT NOT NULL UNIQUE,
    name                    TEXT,
    default_organization_id TEXT,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    -- The default organization is always one of the user's memberships. Deferred: a write that removes a
    -- membership moves the default inside the same transaction, and the check runs at commit.
    FOREIGN KEY (id, default_organization_id) REFERENCES memberships (user_id, organization_id) DEFERRABLE INITIALLY DEFERRED
) STRICT;

CREATE TABLE memberships (
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    -- One role per user per organization: UNIQUE(org, user).
    PRIMARY KEY (organization_id, user_id)
) STRICT, WITHOUT ROWID;

-- A user's memberships, and the parent key of users' default-organization foreign key.
CREATE UNIQUE INDEX memberships_by_user ON memberships (user_id, organization_id);
