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

-- The risk picture and the statistics count every tip and violation of up to two years by
-- region, body, category, severity, status and month: with these columns in the index of
-- `created_at` they read the narrow index alone (index-only scans, as far as vacuum has marked
-- the pages all-visible) instead of the wide rows.
DROP INDEX tips_by_created;
CREATE INDEX tips_by_created ON tips (created_at)
    INCLUDE (region_code, status, category_code, body_key, body_concerned, taken_at, resolved_at);
DROP INDEX violations_by_created;
CREATE INDEX violations_by_created ON violations (created_at)
    INCLUDE (region_code, severity, body_key, body);

-- A body belongs to one region and mostly one category: told so, the planner expects the
-- picture's few thousand groups of (region, body, category) instead of a million and counts
-- them in a hash table in memory instead of sorting every row on disk.
CREATE STATISTICS tips_body_groups (ndistinct) ON region_code, body_key, category_code FROM tips;
CREATE STATISTICS violations_body_groups (ndistinct) ON region_code, body_key, severity
    FROM violations;

-- A commissar's queue is counted and read whole before its page is ordered (db.tips.Tips.queue):
-- from the index alone, instead of a heap page per queued tip.
DROP INDEX tips_queue;
CREATE INDEX tips_queue ON tips (region_code, created_at)
    INCLUDE (id, category_code, body_concerned) WHERE status = 'new';
