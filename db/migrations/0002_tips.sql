-- Citizens' tips: the tip, its evidence, its history, its message thread, and the outbox that
-- carries notifications to people. All timestamps are timestamptz (stored in UTC).
--
-- Privacy rules the schema keeps:
--   * only a confidential tip has tipster_user_id; an anonymous tip has a receipt instead, and no
--     other table links it to an account (no row about a tip names a tipster);
--   * messages from a tipster on the thread carry no author;
--   * the audit log records what tipsters do with actor_kind 'tipster' and no user.

CREATE TABLE tips (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category_code     text NOT NULL REFERENCES tip_categories (code),
    region_code       text NOT NULL REFERENCES regions (code),
    body_concerned    text NOT NULL CHECK (char_length(body_concerned) BETWEEN 2 AND 200),
    description       text CHECK (char_length(description) BETWEEN 20 AND 4000),
    occurred_kind     text NOT NULL CHECK (occurred_kind IN ('today', 'week', 'earlier', 'date')),
    occurred_on       date,
    latitude          double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude         double precision CHECK (longitude BETWEEN -180 AND 180),
    address           text CHECK (char_length(address) BETWEEN 3 AND 300),
    identity_mode     text NOT NULL CHECK (identity_mode IN ('confidential', 'anonymous')),
    tipster_user_id   bigint REFERENCES users (id),
    receipt_lookup    text UNIQUE CHECK (receipt_lookup ~ '^[0-9A-Z]{8}$'),
    receipt_hash      text,
    status            text NOT NULL DEFAULT 'new' CHECK (status IN (
                          'new', 'taken', 'in_work', 'info_needed', 'resolved', 'unfounded',
                          'passed', 'appeal_sent', 'answered', 'withdrawn', 'reopened')),
    assignee_user_id  bigint REFERENCES users (id),
    created_at        timestamptz NOT NULL,
    status_changed_at timestamptz NOT NULL,
    resolved_at       timestamptz,
    follow_up_answer  text CHECK (follow_up_answer IN ('yes', 'no', 'partly')),
    follow_up_comment text CHECK (char_length(follow_up_comment) <= 1000),
    follow_up_at      timestamptz,
    CHECK ((occurred_kind = 'date') = (occurred_on IS NOT NULL)),
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CHECK (identity_mode <> 'confidential'
           OR (tipster_user_id IS NOT NULL AND receipt_lookup IS NULL AND receipt_hash IS NULL)),
    CHECK (identity_mode <> 'anonymous'
           OR (tipster_user_id IS NULL AND receipt_lookup IS NOT NULL AND receipt_hash IS NOT NULL))
);

CREATE INDEX tips_of_tipster ON tips (tipster_user_id, status_changed_at DESC)
    WHERE tipster_user_id IS NOT NULL;
CREATE INDEX tips_queue ON tips (region_code, created_at) WHERE status = 'new';
CREATE INDEX tips_of_assignee ON tips (assignee_user_id, status_changed_at DESC)
    WHERE assignee_user_id IS NOT NULL;

-- The thread between the tip's handlers and its tipster. A tipster's message has no author.
CREATE TABLE tip_messages (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tip_id         bigint NOT NULL REFERENCES tips (id),
    direction      text NOT NULL CHECK (direction IN ('to_tipster', 'from_tipster')),
    author_user_id bigint REFERENCES users (id),
    body           text CHECK (char_length(body) BETWEEN 1 AND 4000),
    at             timestamptz NOT NULL,
    CHECK ((direction = 'from_tipster') = (author_user_id IS NULL))
);

CREATE INDEX tip_messages_of_tip ON tip_messages (tip_id, id);

-- Files as Telegram keeps them: the bot stores ids, never the files themselves.
CREATE TABLE tip_evidence (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tip_id         bigint NOT NULL REFERENCES tips (id),
    message_id     bigint REFERENCES tip_messages (id),
    position       integer NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('photo', 'video', 'document', 'voice')),
    file_id        text CHECK (char_length(file_id) BETWEEN 1 AND 512),
    file_unique_id text NOT NULL CHECK (char_length(file_unique_id) BETWEEN 1 AND 128),
    file_size      bigint CHECK (file_size >= 0),
    mime_type      text,
    file_name      text,
    album          text,
    received_at    timestamptz NOT NULL
);

CREATE INDEX tip_evidence_of_tip ON tip_evidence (tip_id, position);

-- Every status a tip went through, with who set it (a handler) or none (the tipster, the system).
CREATE TABLE tip_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tip_id        bigint NOT NULL REFERENCES tips (id),
    status        text NOT NULL,
    actor_user_id bigint REFERENCES users (id),
    note          text CHECK (char_length(note) <= 1000),
    at            timestamptz NOT NULL
);

CREATE INDEX tip_history_of_tip ON tip_history (tip_id, id);

-- How many tips an account sent on a day (the daily limit). It names no tip, on purpose.
CREATE TABLE tip_quota (
    user_id bigint NOT NULL REFERENCES users (id),
    day     date NOT NULL,
    sent    integer NOT NULL CHECK (sent >= 0),
    PRIMARY KEY (user_id, day)
);

-- Wrong receipt codes tried by an account, to slow down guessing. Right codes leave no row.
CREATE TABLE receipt_failures (
    user_id bigint NOT NULL REFERENCES users (id),
    at      timestamptz NOT NULL
);

CREATE INDEX receipt_failures_recent ON receipt_failures (user_id, at);

-- Messages to people, written in the same transaction as what caused them and sent by one
-- sender: nothing is lost when the bot stops, nothing is sent twice. The text is rendered when
-- it is sent, in the recipient's language of that moment.
CREATE TABLE outbox (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users (id),
    kind         text NOT NULL CHECK (kind ~ '^[a-z_]+$'),
    payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at   timestamptz NOT NULL,
    not_before   timestamptz NOT NULL,
    attempts     integer NOT NULL DEFAULT 0,
    sent_at      timestamptz,
    failed_at    timestamptz,
    last_error   text
);

CREATE INDEX outbox_due ON outbox (not_before, id) WHERE sent_at IS NULL AND failed_at IS NULL;

-- Tipsters act in the audit log without a name.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_actor_kind_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_actor_kind_check
    CHECK (actor_kind IN ('user', 'shell', 'system', 'tipster'));
