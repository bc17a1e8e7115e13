-- 0005: plans, teams and model groups (one document per organization), and monthly usage counters.

-- The organization's applied plan, billing fields, teams (with members and model-group assignments) and model groups,
-- as one JSON document (CommerceJson), rewritten by each commerce write inside its transaction.
CREATE TABLE org_commerce (
    organization_id TEXT NOT NULL PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    document        TEXT NOT NULL
) STRICT;

-- Units consumed and units leased (reserved by an instance, not settled yet) per organization, team ('' for the
-- organization's own counter, which includes its teams'), meter and calendar month (UTC, 'yyyy-MM').
CREATE TABLE usage_counters (
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    team            TEXT NOT NULL,
    meter           TEXT NOT NULL,
    period          TEXT NOT NULL,
    consumed        INTEGER NOT NULL DEFAULT 0 CHECK (consumed >= 0),
    leased          INTEGER NOT NULL DEFAULT 0 CHECK (leased >= 0),
    PRIMARY KEY (organization_id, period, team, meter)
) STRICT;

-- An API key may be bound to one team of its organization (checked in the write's transaction; null: none).
ALTER TABLE api_keys ADD COLUMN team TEXT;
