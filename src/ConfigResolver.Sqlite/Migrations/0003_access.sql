-- 0003: API keys, invitations and the audit log; the change log names the key or invitation a write concerns.
-- Times in these tables are UTC ISO 8601 round-trip text ("O", always +00:00), so text order is time order.

-- No foreign key to organizations: when an organization is deleted its keys stay, revoked, so every instance's token
-- verifier can still learn that tokens issued from them are dead. organization_slug is kept with the key (slugs never
-- change), so authentication reads one row.
CREATE TABLE api_keys (
    id                          TEXT NOT NULL PRIMARY KEY,
    organization_id             TEXT NOT NULL,
    organization_slug           TEXT NOT NULL,
    name                        TEXT NOT NULL,
    -- The public part of the key (cfgr_<prefix>_<secret>): authentication finds the key through this index.
    prefix                      TEXT NOT NULL UNIQUE,
    -- SHA-256 (or HMAC-SHA256 with the deployment's pepper) of the secret, 64 lowercase hex; never the secret.
    secret_hash                 TEXT NOT NULL,
    previous_secret_hash        TEXT,
    previous_secret_valid_until TEXT,
    scopes_json                 TEXT NOT NULL,
    act_as_user_id              TEXT,
    created_by                  TEXT NOT NULL,
    created_at                  TEXT NOT NULL,
    expires_at                  TEXT,
    rotated_at                  TEXT,
    revoked_at                  TEXT,
    last_used_at                TEXT
) STRICT;

CREATE INDEX api_keys_by_organization ON api_keys (organization_id, created_at, id);
CREATE INDEX api_keys_by_revocation ON api_keys (revoked_at) WHERE revoked_at IS NOT NULL;

CREATE TABLE invitations (
    id                TEXT NOT NULL PRIMARY KEY,
    organization_id   TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    organization_slug TEXT NOT NULL,
    email             TEXT NOT NULL,
    role              TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    -- SHA-256 of the current token, 64 lowercase hex: acceptance finds the invitation through this index.
    token_hash        TEXT NOT NULL UNIQUE,
    message           TEXT,
    invited_by        TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    expires_at        TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'cancelled')),
    closed_at         TEXT,
    accepted_user_id  TEXT
) STRICT;

CREATE INDEX invitations_by_organization ON invitations (organization_id, created_at, id);

-- One row per administrative write, in the write's transaction; id is the write's store revision.
CREATE TABLE audit_log (
    id                INTEGER NOT NULL PRIMARY KEY,
    at                TEXT    NOT NULL,
    actor             TEXT    NOT NULL,
    action            TEXT    NOT NULL,
    organization_id   TEXT,
    organization_slug TEXT,
    target            TEXT,
    -- {"field": {"from": ..., "to": ...}}; secrets are fingerprints (sha256:1a2b3c4d), never values.
    changes_json      TEXT    NOT NULL
) STRICT;

CREATE INDEX audit_log_by_organization ON audit_log (organization_slug, id);
CREATE INDEX audit_log_by_actor ON audit_log (actor, id);
CREATE INDEX audit_log_by_action ON audit_log (action, id);

-- Append-only: nothing, not even this code, may change or remove an event.
CREATE TRIGGER audit_log_refuses_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE is refused');
END;

CREATE TRIGGER audit_log_refuses_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: DELETE is refused');
END;

-- INSERT OR REPLACE deletes the old row without firing delete triggers (unless recursive triggers are on): refuse any
-- insert that would meet an existing id.
CREATE TRIGGER audit_log_refuses_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: replacing an event is refused');
END;

-- The API key or invitation a write concerns (api_key_changed, invitation_changed rows).
ALTER TABLE change_log ADD COLUMN entity_id TEXT;
