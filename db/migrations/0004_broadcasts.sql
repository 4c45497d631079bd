-- Broadcasts of ombudsmen and coordinators, delivered exactly once to each recipient from a
-- per-recipient outbox; posts to an outcomes channel; retention of closed tips' free text.
-- All timestamps are timestamptz (stored in UTC).

-- A broadcast is a copy of one message of its author's chat (copyMessage keeps the formatting and
-- the media), sent to an audience chosen when it was composed.
CREATE TABLE broadcasts (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_user_id      bigint NOT NULL REFERENCES users (id),
    source_chat_id      bigint NOT NULL,
    source_message_id   bigint NOT NULL,
    content_kind        text NOT NULL CHECK (content_kind IN ('text', 'photo', 'video', 'document')),
    audience_role       text CHECK (audience_role IN (
                            'commissar', 'ambassador', 'ombudsman', 'coordinator')),
    audience_region     text REFERENCES regions (code),
    with_acknowledge    boolean NOT NULL DEFAULT false,
    status              text NOT NULL CHECK (status IN (
                            'scheduled', 'sending', 'done', 'cancelled')),
    created_at          timestamptz NOT NULL,
    send_at             timestamptz NOT NULL,
    started_at          timestamptz,
    finished_at         timestamptz,
    cancelled_at        timestamptz,
    recipients          integer NOT NULL CHECK (recipients >= 0),
    progress_chat_id    bigint,
    progress_message_id bigint,
    UNIQUE (author_user_id, source_chat_id, source_message_id)
);
CREATE INDEX broadcasts_waiting ON broadcasts (send_at) WHERE status IN ('scheduled', 'sending');
CREATE INDEX broadcasts_of_author ON broadcasts (author_user_id, created_at DESC);

-- One row per recipient, written when the broadcast is confirmed. A row is marked in_flight (and
-- committed) before its message is sent, so a crash can never send it twice: a row found in flight
-- after a crash is 'unconfirmed', not sent again.
CREATE TABLE broadcast_deliveries (
    broadcast_id    bigint NOT NULL REFERENCES broadcasts (id),
    user_id         bigint NOT NULL REFERENCES users (id),
    state           text NOT NULL DEFAULT 'pending' CHECK (state IN (
                        'pending', 'in_flight', 'sent', 'unconfirmed', 'blocked', 'failed',
                        'skipped', 'cancelled')),
    attempts        integer NOT NULL DEFAULT 0,
    not_before      timestamptz NOT NULL,
    sent_at         timestamptz,
    message_id      bigint,
    last_error      text,
    acknowledged_at timestamptz,
    PRIMARY KEY (broadcast_id, user_id)
);
CREATE INDEX broadcast_deliveries_pending ON broadcast_deliveries (broadcast_id, not_before)
    WHERE state = 'pending';
CREATE INDEX broadcast_deliveries_in_flight ON broadcast_deliveries (broadcast_id)
    WHERE state = 'in_flight';

-- The outbox also posts to a chat that is not a person (the outcomes channel).
ALTER TABLE outbox
    ALTER COLUMN user_id DROP NOT NULL,
    ADD COLUMN chat_id bigint,
    ADD CONSTRAINT outbox_one_recipient CHECK ((user_id IS NULL) <> (chat_id IS NULL));

-- Retention: a closed tip's free text and file ids are removed after a while; the row stays.
ALTER TABLE tips ADD COLUMN purged_at timestamptz;
CREATE INDEX tips_closed_unpurged ON tips (status_changed_at)
    WHERE purged_at IS NULL AND status IN ('resolved', 'unfounded', 'withdrawn', 'answered');
