-- 0004: plans, teams and model groups (one document per organization), and monthly usage counters.

-- The organization's applied plan, billing fields, teams (with members and model-group assignments) and model groups,
-- as one JSON document (CommerceJson), rewritten by each commerce write inside its transaction (writers are serialized
-- by the change log's head row, so quota checks see committed state).
CREATE TABLE org_commerce (
    organization_id uuid NOT NULL PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
    document        text NOT NULL
);

-- Units consumed and units leased (reserved by an instance, not settled yet) per organization, team ('' for the
-- organization's own counter, which includes its teams'), meter and calendar month (UTC, 'yyyy-MM'). A reservation locks
-- the organization's row (FOR UPDATE), so instances reserving at once are serialized per counter.
CREATE TABLE usage_counters (
    organization_id uuid   NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    team            text   COLLATE "C" NOT NULL,
    meter           text   COLLATE "C" NOT NULL,
    period          text   COLLATE "C" NOT NULL,
    consumed        bigint NOT NULL DEFAULT 0 CHECK (consumed >= 0),
    leased          bigint NOT NULL DEFAULT 0 CHECK (leased >= 0),
    PRIMARY KEY (organization_id, period, team, meter)
);

-- An API key may be bound to one team of its organization (checked in the write's transaction; null: none).
ALTER TABLE api_keys ADD COLUMN team TEXT;
