-- 0002: API keys, invitations and the audit log; the change log names the key or invitation a write concerns.
-- Times in these tables are UTC ISO 8601 round-trip text ("O", always +00:00) in the "C" collation, so text order is
-- time order whatever the database's locale.

-- No foreign key to organizations: when an organization is deleted its keys stay, revoked, so every instance's token
-- verifier can still learn that tokens issued from them are dead.
CREATE TABLE api_keys (
    id                          uuid NOT NULL PRIMARY KEY,
    organization_id             uuid NOT NULL,
    organization_slug           text NOT NULL,
    name                        text NOT NULL,
    -- The public part of the key (cfgr_<prefix>_<secret>): authentication finds the key through this index.
    prefix                      text NOT NULL CONSTRAINT api_keys_prefix_key UNIQUE,
    -- SHA-256 (or HMAC-SHA256 with the deployment's pepper) of the secret, 64 lowercase hex; never the secret.
    secret_hash                 text NOT NULL,
    previous_secret_hash        text,
    previous_secret_valid_until text COLLATE "C",
    scopes_json                 text NOT NULL,
    act_as_user_id              uuid,
    created_by                  text NOT NULL,
    created_at                  text COLLATE "C" NOT NULL,
    expires_at                  text COLLATE "C",
    rotated_at                  text COLLATE "C",
    revoked_at                  text COLLATE "C",
    last_used_at                text COLLATE "C"
);

CREATE INDEX api_keys_by_organization ON api_keys (organization_id, created_at, id);
CREATE INDEX api_keys_by_revocation ON api_keys (revoked_at) WHERE revoked_at IS NOT NULL;

CREATE TABLE invitations (
    id                uuid NOT NULL PRIMARY KEY,
    organization_id   uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    organization_slug text NOT NULL,
    email             text NOT NULL,
    role              text NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
    -- SHA-256 of the current token, 64 lowercase hex: acceptance finds the invitation through this index.
    token_hash        text NOT NULL CONSTRAINT invitations_token_hash_key UNIQUE,
    message           text,
    invited_by        text NOT NULL,
    created_at        text COLLATE "C" NOT NULL,
    expires_at        text COLLATE "C" NOT NULL,
    status            text NOT NULL CHECK (status IN ('pending', 'accepted', 'cancelled')),
    closed_at         text COLLATE "C",
    accepted_user_id  uuid
);

CREATE INDEX invitations_by_organization ON invitations (organization_id, created_at, id);

-- One row per administrative write, in the write's transaction; id is the write's store revision.
CREATE TABLE audit_log (
    id                bigint NOT NULL PRIMARY KEY,
    at                text COLLATE "C" NOT NULL,
    actor             text NOT NULL,
    action            text COLLATE "C" NOT NULL,
    organization_id   uuid,
    organization_slug text,
    target            text,
    -- {"field": {"from": ..., "to": ...}}; secrets are fingerprints (sha256:1a2b3c4d), never values.
    changes_json      text NOT NULL
);

CREATE INDEX audit_log_by_organization ON audit_log (organization_slug, id);
CREATE INDEX audit_log_by_actor ON audit_log (actor, id);
CREATE INDEX audit_log_by_action ON audit_log (action, id);

-- Append-only: nothing, not even this code, may change or remove an event (TRUNCATE included).
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_refuses_update_and_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

CREATE TRIGGER audit_log_refuses_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- The API key or invitation a write concerns (api_key_changed, invitation_changed rows).
ALTER TABLE change_log ADD COLUMN entity_id uuid;
