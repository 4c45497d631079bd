-- Recovery from faults. Each process holds a liveness advisory lock (db/locks.py), so others can
-- tell whether the instance named on a row is still alive.
--
-- Updates handled once: every update a bot receives is claimed here before it is handled, so a
-- duplicate (Telegram's webhook retry, a repeated getUpdates batch) is dropped, while an update
-- whose handler died with its process is handled again by the next instance that looks.

CREATE TABLE handled_updates (
    bot_id       bigint NOT NULL,
    update_id    bigint NOT NULL,
    instance     integer NOT NULL,   -- the claiming process (its liveness advisory lock)
    claimed_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    payload      json,               -- the update while unfinished (json keeps any \u0000), then null
    conversations jsonb,             -- the conversations it changed: before it, and as it left them
    PRIMARY KEY (bot_id, update_id)
);
CREATE INDEX handled_updates_unfinished ON handled_updates (bot_id, claimed_at)
    WHERE finished_at IS NULL;
CREATE INDEX handled_updates_by_age ON handled_updates (claimed_at);

-- The outbox sends a message at most once: a row is committed as being sent (by an instance)
-- before its request leaves; a row left so by an instance that died, or whose request timed out,
-- is recorded as unconfirmed and not sent again.
ALTER TABLE outbox
    ADD COLUMN sending_since    timestamptz,
    ADD COLUMN sending_instance integer,
    ADD COLUMN unconfirmed_at   timestamptz;
DROP INDEX outbox_due;
CREATE INDEX outbox_due ON outbox (not_before, id)
    WHERE sent_at IS NULL AND failed_at IS NULL AND unconfirmed_at IS NULL
      AND sending_since IS NULL;
CREATE INDEX outbox_sending ON outbox (sending_instance) WHERE sending_since IS NOT NULL
    AND sent_at IS NULL AND failed_at IS NULL AND unconfirmed_at IS NULL;
