-- What the lists and figures need at scale, found by bench/store.py on 1,000,000 tips
-- (docs/performance.md).

-- The risk picture groups the bodies people type case- and space-insensitively
-- (db.risks.BODY_KEY). Computing that key with a regular expression for every tip and violation
-- of two years was most of the picture's time, so each row keeps it, computed when written.
ALTER TABLE tips ADD COLUMN body_key text
    GENERATED ALWAYS AS (lower(btrim(regexp_replace(body_concerned, '\s+', ' ', 'g')))) STORED;
ALTER TABLE violations ADD COLUMN body_key text
    GENERATED ALWAYS AS (lower(btrim(regexp_replace(body, '\s+', ' ', 'g')))) STORED;

-- A commissar's tips in hand, nearest deadline first (db.tips.Tips.assigned_to): without it the
-- planner walked every tip being worked in the country in deadline order.
CREATE INDEX tips_in_hand ON tips (assignee_user_id, resolve_due, id)
    WHERE status IN ('taken', 'in_work', 'info_needed', 'reopened');
