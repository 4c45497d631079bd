-- Coordination: invitations into a role, the failed tries to open one, and what moderation and
-- the catalog need. Depends only on 0001-0003.

-- An invitation: a deep link that grants `role` (in `region_code`, or nationwide) to whoever
-- opens it, while uses are left, until it expires or is revoked. Only the SHA-256 of the code
-- is kept, so a copy of the database cannot be turned into working links.
CREATE TABLE invites (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code_hash   bytea NOT NULL UNIQUE CHECK (length(code_hash) = 32),
    role        text NOT NULL CHECK (role IN ('commissar', 'ambassador', 'ombudsman', 'coordinator')),
    region_code text REFERENCES regions (code),
    max_uses    integer NOT NULL CHECK (max_uses BETWEEN 1 AND 500),
    uses_left   integer NOT NULL CHECK (uses_left BETWEEN 0 AND max_uses),
    expires_at  timestamptz NOT NULL,
    created_by  bigint NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_by  bigint REFERENCES users (id),
    revoked_at  timestamptz,
    CHECK (role <> 'commissar' OR region_code IS NOT NULL),
    CHECK (expires_at > created_at)
);

CREATE INDEX invites_active ON invites (expires_at) WHERE revoked_at IS NULL AND uses_left > 0;

-- Who opened which invitation, once per person.
CREATE TABLE invite_redemptions (
    invite_id bigint NOT NULL REFERENCES invites (id),
    user_id   bigint NOT NULL REFERENCES users (id),
    at        timestamptz NOT NULL,
    PRIMARY KEY (invite_id, user_id)
);

-- Invitation codes an account opened in vain (unknown, expired, used up, revoked), to slow
-- down guessing. Opening a valid one leaves no row here.
CREATE TABLE invite_failures (
    user_id bigint NOT NULL REFERENCES users (id),
    at      timestamptz NOT NULL
);

CREATE INDEX invite_failures_recent ON invite_failures (user_id, at);

-- Who blocked an account, and why, is in the audit log; the row says since when.
CREATE INDEX users_blocked ON users (id) WHERE blocked;
