-- The risk picture and the statistics of a year, nationwide, within a second on a million tips
-- (bench/store.py, docs/performance.md "After the daily counts").

-- Seconds from a tip's arrival to its taking and to its resolution, as the statistics' medians
-- sort them: computed once when the row is written instead of a numeric extract() per tip of
-- the period at every call (the same double precision values the medians always sorted).
ALTER TABLE tips
    ADD COLUMN take_seconds double precision
        GENERATED ALWAYS AS (extract(epoch FROM taken_at - created_at)::double precision) STORED,
    ADD COLUMN resolve_seconds double precision
        GENERATED ALWAYS AS (extract(epoch FROM resolved_at - created_at)::double precision) STORED;

-- The medians read this narrow index alone (db.analytics.Analytics.figures).
CREATE INDEX tips_durations ON tips (created_at)
    INCLUDE (region_code, take_seconds, resolve_seconds);

-- The tips of the picture's leading bodies (db.risks.Risks.picture), body by body.
CREATE INDEX tips_by_body ON tips (body_key, created_at)
    INCLUDE (region_code, status, body_concerned);

-- Tips counted per day and per month (UTC) of arrival, region, category and status: a figure of a
-- period adds up its whole months, and the days and hours between its ends and the nearest
-- first of a month (db/counts.py). Kept by the trigger below in the transaction of every change
-- of a tip, so they are always what a recount would give; a row whose tips all moved on stays
-- with 0.
CREATE TABLE tip_days (
    day           date NOT NULL,
    region_code   text NOT NULL,
    category_code text NOT NULL,
    status        text NOT NULL,
    tips          integer NOT NULL,
    PRIMARY KEY (day, region_code, category_code, status)
);
CREATE TABLE tip_months (
    month         date NOT NULL CHECK (extract(day FROM month) = 1),
    region_code   text NOT NULL,
    category_code text NOT NULL,
    status        text NOT NULL,
    tips          integer NOT NULL,
    PRIMARY KEY (month, region_code, category_code, status)
);

-- A change takes a tip off one row and adds it to another. Every change updates the rows of
-- tip_days before those of tip_months, and the rows of each in the order of their keys, so two
-- changes never wait for each other's rows in opposite orders.
CREATE FUNCTION tip_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_day date;
    old_region text;
    old_category text;
    old_status text;
    new_day date;
    new_region text;
    new_category text;
    new_status text;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        old_day := (OLD.created_at AT TIME ZONE 'UTC')::date;
        old_region := OLD.region_code;
        old_category := OLD.category_code;
        old_status := OLD.status;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        new_day := (NEW.created_at AT TIME ZONE 'UTC')::date;
        new_region := NEW.region_code;
        new_category := NEW.category_code;
        new_status := NEW.status;
    END IF;
    INSERT INTO tip_days AS d (day, region_code, category_code, status, tips)
    SELECT c.day, c.region_code, c.category_code, c.status, sum(c.delta)
    FROM (VALUES (old_day, old_region, old_category, old_status, -1),
                 (new_day, new_region, new_category, new_status, 1))
         AS c (day, region_code, category_code, status, delta)
    WHERE c.day IS NOT NULL
    GROUP BY c.day, c.region_code, c.category_code, c.status HAVING sum(c.delta) <> 0
    ORDER BY c.day, c.region_code, c.category_code, c.status
    ON CONFLICT ON CONSTRAINT tip_days_pkey DO UPDATE SET tips = d.tips + EXCLUDED.tips;
    INSERT INTO tip_months AS m (month, region_code, category_code, status, tips)
    SELECT date_trunc('month', c.day::timestamp)::date, c.region_code, c.category_code, c.status,
           sum(c.delta)
    FROM (VALUES (old_day, old_region, old_category, old_status, -1),
                 (new_day, new_region, new_category, new_status, 1))
         AS c (day, region_code, category_code, status, delta)
    WHERE c.day IS NOT NULL
    GROUP BY 1, c.region_code, c.category_code, c.status HAVING sum(c.delta) <> 0
    ORDER BY 1, c.region_code, c.category_code, c.status
    ON CONFLICT ON CONSTRAINT tip_months_pkey DO UPDATE SET tips = m.tips + EXCLUDED.tips;
    RETURN NULL;
END
$$;

CREATE TRIGGER tip_counts_on_insert AFTER INSERT ON tips
    FOR EACH ROW EXECUTE FUNCTION tip_counts_follow();
CREATE TRIGGER tip_counts_on_change
    AFTER UPDATE OF created_at, region_code, category_code, status ON tips
    FOR EACH ROW
    WHEN ((OLD.created_at, OLD.region_code, OLD.category_code, OLD.status)
          IS DISTINCT FROM (NEW.created_at, NEW.region_code, NEW.category_code, NEW.status))
    EXECUTE FUNCTION tip_counts_follow();
CREATE TRIGGER tip_counts_on_delete AFTER DELETE ON tips
    FOR EACH ROW EXECUTE FUNCTION tip_counts_follow();

-- The counts from the tips themselves: here for the tips already stored, and again by whoever
-- loads tips with triggers off (bench/store.py loads with session_replication_role = replica).
-- The ALTER TABLE above holds tips locked until this migration commits.
CREATE FUNCTION tip_counts_recount() RETURNS void LANGUAGE sql AS $$
    DELETE FROM tip_days;
    INSERT INTO tip_days (day, region_code, category_code, status, tips)
    SELECT (created_at AT TIME ZONE 'UTC')::date, region_code, category_code, status, count(*)
    FROM tips GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;
    DELETE FROM tip_months;
    INSERT INTO tip_months (month, region_code, category_code, status, tips)
    SELECT date_trunc('month', day::timestamp)::date, region_code, category_code, status, sum(tips)
    FROM tip_days GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;
$$;
SELECT tip_counts_recount();
