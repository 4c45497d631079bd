-- Ambassadors of change: the register of pain points and corruption risks, the violations and
-- tips behind each entry, appeals to state bodies with their legal answer deadline, and the
-- reminders that chase the deadline. Nothing here names a tipster: tips are linked by number.

CREATE TABLE risk_entries (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code       text NOT NULL REFERENCES regions (code),
    body              text NOT NULL CHECK (char_length(body) BETWEEN 2 AND 200),
    description       text NOT NULL CHECK (char_length(description) BETWEEN 10 AND 2000),
    kind              text NOT NULL CHECK (kind IN ('pain_point', 'corruption_risk')),
    level             text NOT NULL CHECK (level IN ('low', 'medium', 'high', 'critical')),
    status            text NOT NULL DEFAULT 'open'
                      CHECK (status IN ('open', 'appeal_sent', 'answered', 'closed')),
    created_by        bigint NOT NULL REFERENCES users (id),
    created_at        timestamptz NOT NULL,
    status_changed_at timestamptz NOT NULL
);

CREATE INDEX risk_entries_by_region ON risk_entries (region_code, id DESC);

CREATE TABLE risk_entry_violations (
    entry_id     bigint NOT NULL REFERENCES risk_entries (id),
    violation_id bigint NOT NULL REFERENCES violations (id),
    linked_by    bigint NOT NULL REFERENCES users (id),
    linked_at    timestamptz NOT NULL,
    PRIMARY KEY (entry_id, violation_id)
);

CREATE TABLE risk_entry_tips (
    entry_id  bigint NOT NULL REFERENCES risk_entries (id),
    tip_id    bigint NOT NULL REFERENCES tips (id),
    linked_by bigint NOT NULL REFERENCES users (id),
    linked_at timestamptz NOT NULL,
    PRIMARY KEY (entry_id, tip_id)
);

CREATE INDEX risk_entry_tips_of_tip ON risk_entry_tips (tip_id);

-- An appeal: drafted, sent on a date (which fixes the answer's due date in working days), answered.
CREATE TABLE appeals (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entry_id         bigint NOT NULL REFERENCES risk_entries (id),
    region_code      text NOT NULL REFERENCES regions (code),
    author_user_id   bigint NOT NULL REFERENCES users (id),
    addressee        text NOT NULL CHECK (char_length(addressee) BETWEEN 2 AND 300),
    subject          text NOT NULL CHECK (char_length(subject) BETWEEN 3 AND 300),
    body             text NOT NULL CHECK (char_length(body) BETWEEN 20 AND 6000),
    status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'answered')),
    created_at       timestamptz NOT NULL,
    sent_on          date,
    due_on           date,
    answered_at      timestamptz,
    answer_text      text CHECK (char_length(answer_text) BETWEEN 1 AND 4000),
    answer_file_id   text CHECK (char_length(answer_file_id) BETWEEN 1 AND 512),
    answer_file_name text,
    CHECK ((status = 'draft') = (sent_on IS NULL)),
    CHECK ((sent_on IS NULL) = (due_on IS NULL)),
    CHECK ((status = 'answered') = (answered_at IS NOT NULL))
);

CREATE INDEX appeals_by_region ON appeals (region_code, id DESC);
CREATE INDEX appeals_awaiting_answer ON appeals (due_on) WHERE status = 'sent';

CREATE TABLE appeal_violations (
    appeal_id    bigint NOT NULL REFERENCES appeals (id),
    violation_id bigint NOT NULL REFERENCES violations (id),
    PRIMARY KEY (appeal_id, violation_id)
);

ALTER TABLE reminders ADD COLUMN appeal_id bigint REFERENCES appeals (id);
ALTER TABLE reminders DROP CONSTRAINT reminders_kind_check;
ALTER TABLE reminders ADD CONSTRAINT reminders_kind_check CHECK (kind IN (
    'tip_unclaimed', 'first_action_soon', 'first_action_overdue',
    'resolve_soon', 'resolve_overdue', 'reception_day', 'reception_hour',
    'appeal_due_soon', 'appeal_due_today', 'appeal_overdue'));

CREATE INDEX reminders_of_appeal ON reminders (appeal_id)
    WHERE done_at IS NULL AND appeal_id IS NOT NULL;

CREATE INDEX violations_by_created ON violations (created_at);
CREATE INDEX tips_by_created ON tips (created_at);
