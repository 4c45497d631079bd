"""The store under load: a generated country of users and tips, and how long the bot's own list
and figure queries take on it.

    .venv/bin/python -m bench.store                 # 1,000,000 tips, 100,000 users (a few minutes)
    .venv/bin/python -m bench.store --tips 100000 --users 20000 --samples 50

A fresh database is created on the server, the real migrations are applied, the data is
generated with set-based SQL (the generator lives here: the bench is not the application), and
every measured call goes through the application's own workflows in roles/ and queries in db/,
with the arguments the handlers pass. Each measured statement is captured from the connection
and shown once with `EXPLAIN (ANALYZE, BUFFERS)`; then a table of p50 / p95 / max against the
targets. The database is dropped at the end unless `--keep`; `--reuse NAME` measures a kept one
again (applying migrations added since, without generating anything).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import platform
import re
import secrets
import subprocess
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo

import asyncpg
from asyncpg.connection import LoggedQuery

from db.migrate import apply_migrations
from db.store import SESSION_SETTINGS, Store, open_store
from handlers.commissar import PER_PAGE as QUEUE_PER_PAGE
from handlers.tips import PER_PAGE as MY_TIPS_PER_PAGE
from roles import analytics, assignments, risks, statistics, tips
from roles.clock import SystemClock
from roles.model import Actor
from roles.people import actor_from

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
ZONE = ZoneInfo("Asia/Almaty")
LIST_TARGET = 0.010
FIGURES_TARGET = 1.0
SERVER_SAMPLES_OF_FIGURES = 5

# ------------------------------------------------------------------ the shape of the country

REGION_WEIGHTS = {
    "AST": 1.4, "ALA": 2.2, "SHY": 1.2, "ABA": 0.6, "AKM": 0.8, "AKT": 0.9, "ALM": 1.5,
    "ATY": 0.7, "VKO": 0.7, "ZHA": 1.2, "ZHE": 0.7, "ZKO": 0.7, "KAR": 1.1, "KUS": 0.8,
    "KZY": 0.8, "MAN": 0.8, "PAV": 0.75, "SKO": 0.53, "TUR": 2.1, "ULY": 0.22,
}  # fmt: skip
"""Roughly the population, in millions: where people live is where tips come from."""

CATEGORY_BODIES = {
    "bribery": ["Департамент полиции", "ЦОН №#", "Управление миграционной службы",
                "Специализированный ЦОН", "Отдел регистрации транспорта"],
    "procurement": ["Управление государственных закупок", "ГУ «Отдел ЖКХ»",
                    "КГУ «Управление строительства»", "ГКП на ПХВ «Горводоканал»"],
    "construction": ["Управление строительства", "Управление пассажирского транспорта и "
                     "автомобильных дорог", "ТОО «Подрядчик-#»", "Отдел архитектуры"],
    "abuse": ["Акимат", "Аппарат акима района №#", "Управление финансов",
              "Департамент государственных доходов"],
    "services": ["ЦОН №#", "Акимат", "Отдел ЗАГС", "Управление земельных отношений"],
    "healthcare": ["Городская поликлиника №#", "Городская больница №#",
                   "Управление здравоохранения", "Станция скорой помощи"],
    "education": ["Школа-гимназия №#", "Средняя школа №#", "Управление образования",
                  "Детский сад №#"],
    "land": ["Земельная инспекция", "Управление земельных отношений", "Акимат"],
    "police": ["Департамент полиции", "Управление административной полиции",
               "Отдел полиции №#"],
    "other": ["Акимат", "Управление культуры", "Управление спорта", "Ветеринарная станция"],
}  # fmt: skip
"""What tipsters type as "the body concerned", by category; '#' becomes a number and the
region's name follows. A few are typed in lower case or with doubled spaces."""

CATEGORY_WEIGHTS = {
    "bribery": 20, "procurement": 12, "construction": 10, "abuse": 12, "services": 14,
    "healthcare": 10, "education": 9, "land": 6, "police": 5, "other": 2,
}  # fmt: skip

DESCRIPTIONS = [
    "Сотрудник потребовал деньги за ускорение оформления документов.",
    "За место в очереди предлагают заплатить посреднику у входа.",
    "Тендер выиграла фирма родственника руководителя, цена завышена.",
    "Работы приняты по акту, но фактически не выполнены.",
    "Без подарка врачу направление не выдают, говорят что квоты нет.",
    "В школе собирают деньги на ремонт, который уже оплачен из бюджета.",
    "Земельный участок выделен вне очереди знакомому чиновника.",
    "Инспектор отпустил нарушителя за вознаграждение.",
]
VIOLATION_TEXTS = [
    "Подтверждено требование неофициальной оплаты за услугу.",
    "Цена контракта выше рыночной более чем на треть.",
    "Объём работ по акту не соответствует фактическому.",
    "Нарушен порядок очереди, документы приняты вне очереди.",
    "Не размещена информация о стоимости услуг и телефоне доверия.",
]
RULES_BROKEN = [
    "Закон «О противодействии коррупции», ст. 12",
    "Закон «О государственных закупках», ст. 7",
    "Кодекс об административных правонарушениях, ст. 676",
    "Уголовный кодекс, ст. 366",
]
STREETS = ["Абая", "Достык", "Республики", "Толе би", "Сейфуллина", "Кабанбай батыра"]
FIRST_NAMES = ["Айгерим", "Данияр", "Сауле", "Нурлан", "Ольга", "Асель", "Ерлан", "Мадина",
               "Арман", "Жанар", "Тимур", "Гульнара", "Бауыржан", "Динара", "Сергей"]  # fmt: skip
LAST_NAMES = ["Ахметов", "Садыкова", "Иванов", "Жумабаев", "Ким", "Нургалиева", "Серикбаев",
              "Петрова", "Омаров", "Абдрахманова"]  # fmt: skip


def _cumulative(weights: Mapping[str, float]) -> tuple[list[str], list[float]]:
    """Codes and the lower bounds of their shares of [0, 1), for `width_bucket(random(), …)`."""
    total = sum(weights.values())
    bounds, running = [], 0.0
    for weight in weights.values():
        bounds.append(running / total)
        running += weight
    return list(weights), bounds


@dataclass(frozen=True)
class Staff:
    """How many of the generated users hold each role; they are the last user ids."""

    commissars: int
    ambassadors: int
    ombudsmen: int
    coordinators: int
    heavy_tipsters: int
    tipsters: int

    @classmethod
    def for_users(cls, users: int) -> Staff:
        return cls(
            commissars=max(40, users // 125),
            ambassadors=max(10, users // 1000),
            ombudsmen=max(4, users // 5000),
            coordinators=max(6, users // 2500),
            heavy_tipsters=max(10, users // 200),
            tipsters=users * 6 // 10,
        )

    @property
    def total(self) -> int:
        return self.commissars + self.ambassadors + self.ombudsmen + self.coordinators


USERS_SQL = """
INSERT INTO users (telegram_id, first_name, last_name, username, telegram_language, language,
                   region_code, subscribed, subscription_region, blocked, blocked_at,
                   created_at, updated_at, last_seen_at)
SELECT 7000000000 + i,
       ($5::text[])[1 + (i * 7) % cardinality($5::text[])],
       CASE WHEN i % 4 <> 0 THEN ($6::text[])[1 + (i * 13) % cardinality($6::text[])] END,
       CASE WHEN i % 3 = 0 THEN 'citizen_' || i END,
       CASE WHEN r_language < 0.62 THEN 'ru' WHEN r_language < 0.9 THEN 'kk' ELSE 'en' END,
       CASE WHEN r_language < 0.55 THEN 'ru' WHEN r_language < 0.82 THEN 'kk'
            WHEN r_language < 0.85 THEN 'en' END,
       CASE WHEN r_home < 0.9 THEN region END,
       r_subscribed < 0.25,
       CASE WHEN r_subscribed < 0.08 THEN region END,
       r_blocked < 0.002,
       CASE WHEN r_blocked < 0.002 THEN created_at + ($1::timestamptz - created_at) * 0.5 END,
       created_at, created_at,
       CASE WHEN r_home < 0.97 THEN created_at + ($1::timestamptz - created_at) * r_seen END
FROM (
    SELECT i, random() AS r_language, random() AS r_home, random() AS r_subscribed,
           random() AS r_blocked, random() AS r_seen,
           ($3::text[])[width_bucket(random(), $4::float8[])] AS region,
           CASE WHEN i <= $7 OR i > $2 - $8
                THEN $1::timestamptz - interval '790 days' + interval '60 days' * random()
                ELSE $1::timestamptz - interval '730 days' * random() END AS created_at
    FROM generate_series(1, $2) AS i
) g
ORDER BY i
"""
"""$7 tipsters and the last $8 (staff) joined before the two years of tips began."""

GRANTS_SQL = """
INSERT INTO role_grants (user_id, role, region_code, granted_via, granted_at)
SELECT $2 + k, 'commissar',
       CASE WHEN k <= cardinality($4::text[]) THEN ($4::text[])[k]
            ELSE ($4::text[])[width_bucket(random(), $5::float8[])] END,
       'chat', $1::timestamptz - interval '760 days' + interval '1 day' * (30 * random())
FROM generate_series(1, $3) AS k;

INSERT INTO role_grants (user_id, role, region_code, granted_via, granted_at)
SELECT user_id, 'commissar',
       ($4::text[])[1 + array_position($4::text[], region_code) % cardinality($4::text[])],
       'chat', granted_at + interval '90 days'
FROM role_grants WHERE role = 'commissar' AND user_id % 10 = 0;

INSERT INTO role_grants (user_id, role, region_code, granted_via, granted_at)
SELECT user_id, role,
       CASE WHEN k <= nationwide THEN NULL
            ELSE ($4::text[])[1 + k % cardinality($4::text[])] END,
       'chat', $1::timestamptz - interval '760 days'
FROM (
    SELECT $2 + $3 + k AS user_id, 'ambassador' AS role, k, $6 / 3 AS nationwide
    FROM generate_series(1, $6) AS k
    UNION ALL
    SELECT $2 + $3 + $6 + k, 'ombudsman', k, $7 / 4 FROM generate_series(1, $7) AS k
    UNION ALL
    SELECT $2 + $3 + $6 + $7 + k, 'coordinator', k, 5 FROM generate_series(1, $8) AS k
) staff;

CREATE TEMP TABLE bench_commissars AS
SELECT region_code, user_id,
       row_number() OVER (PARTITION BY region_code ORDER BY user_id) - 1 AS n,
       count(*) OVER (PARTITION BY region_code) AS total,
       row_number() OVER (ORDER BY region_code, user_id) - 1 AS gn
FROM role_grants WHERE role = 'commissar';
CREATE INDEX ON bench_commissars (region_code, n);
CREATE INDEX ON bench_commissars (gn);
ANALYZE bench_commissars;
"""
"""The first 20 commissars cover every region once; one in ten also works a second region."""

TIPS_SQL = """
INSERT INTO tips (id, category_code, region_code, body_concerned, description, occurred_kind,
                  occurred_on, latitude, longitude, address, identity_mode, tipster_user_id,
                  receipt_lookup, receipt_hash, status, assignee_user_id, created_at,
                  status_changed_at, resolved_at, taken_at, first_action_due, resolve_due,
                  first_action_at, purged_at)
OVERRIDING SYSTEM VALUE
WITH g AS (
    SELECT i,
           $1::timestamptz - interval '730 days' * (1 - power(i::float8 / $2, 0.7))
               AS created_at,
           ($3::text[])[width_bucket(random(), $4::float8[])] AS region,
           width_bucket(random(), $6::float8[]) AS category_index,
           random() AS r_status, random() AS r_work, random() AS r_mode, random() AS r_who,
           random() AS r_heavy, random() AS r_kind, random() AS r_variant, random() AS r_text,
           random() AS r_when, random() AS r_place, random() AS r_handler,
           random() AS r1, random() AS r2, random() AS r3
    FROM generate_series(1, $2) AS i
), staged AS (
    SELECT g.*, ($5::text[])[category_index] AS category,
           least($1::timestamptz - g.created_at, interval '30 days') AS span,
           CASE WHEN $1::timestamptz - g.created_at < interval '14 days' THEN
                    CASE WHEN r_status < 0.30 THEN 'new' WHEN r_status < 0.55 THEN 'working'
                         WHEN r_status < 0.60 THEN 'withdrawn'
                         WHEN r_status < 0.80 THEN 'resolved'
                         WHEN r_status < 0.92 THEN 'unfounded' ELSE 'passed' END
                WHEN $1::timestamptz - g.created_at < interval '60 days' THEN
                    CASE WHEN r_status < 0.01 THEN 'new' WHEN r_status < 0.10 THEN 'working'
                         WHEN r_status < 0.14 THEN 'withdrawn'
                         WHEN r_status < 0.62 THEN 'resolved'
                         WHEN r_status < 0.84 THEN 'unfounded'
                         WHEN r_status < 0.94 THEN 'passed' ELSE 'appeal_sent' END
                ELSE
                    CASE WHEN r_status < 0.002 THEN 'new' WHEN r_status < 0.006 THEN 'working'
                         WHEN r_status < 0.05 THEN 'withdrawn'
                         WHEN r_status < 0.55 THEN 'resolved'
                         WHEN r_status < 0.77 THEN 'unfounded'
                         WHEN r_status < 0.83 THEN 'passed'
                         WHEN r_status < 0.88 THEN 'appeal_sent' ELSE 'answered' END
           END AS stage,
           replace(($7::text[])[($8::int[])[category_index]
                                + floor(r_kind * ($9::int[])[category_index])::int],
                   '#', (1 + floor(r_text * 40))::int::text) || ' ' || r.name_ru AS typed_body,
           c.total AS handlers
    FROM g JOIN regions r ON r.code = g.region
    JOIN (SELECT region_code, min(total) AS total FROM bench_commissars GROUP BY region_code) c
        ON c.region_code = g.region
), worked AS (
    SELECT staged.*,
           CASE WHEN stage = 'working'
                THEN (ARRAY['taken', 'in_work', 'info_needed', 'reopened'])[
                         width_bucket(r_work, ARRAY[0, 0.2, 0.75, 0.9]::float8[])]
                ELSE stage END AS status,
           stage NOT IN ('new', 'withdrawn') AS was_taken,
           created_at + span * (0.02 + 0.15 * r1) AS taken,
           floor(handlers * power(r_handler, 1.6))::int AS handler
    FROM staged
), timed AS (
    SELECT worked.*,
           CASE WHEN stage = 'new' THEN created_at
                WHEN stage = 'withdrawn' THEN created_at + span * 0.1 * r2
                WHEN status = 'taken' THEN taken
                WHEN status IN ('in_work', 'info_needed') THEN taken + span * (0.05 + 0.1 * r2)
                WHEN status = 'reopened' THEN taken + span * 0.6
                ELSE taken + span * (0.2 + 0.6 * r3) END AS changed
    FROM worked
)
SELECT i, category, region,
       CASE WHEN r_variant < 0.06 THEN lower(typed_body)
            WHEN r_variant < 0.09 THEN replace(typed_body, ' ', '  ')
            ELSE typed_body END,
       CASE WHEN NOT purged
            THEN rtrim(repeat(($10::text[])[1 + floor(r_text * cardinality($10::text[]))::int]
                              || ' ', 1 + floor(r3 * 3)::int)) END,
       (ARRAY['today', 'week', 'earlier', 'date'])[
           width_bucket(r_when, ARRAY[0, 0.3, 0.6, 0.85]::float8[])],
       CASE WHEN r_when >= 0.85
            THEN (created_at - interval '1 day' * (1 + 60 * r2))::date END,
       CASE WHEN r_place < 0.25 AND NOT purged THEN 40.6 + 14.5 * r1 END,
       CASE WHEN r_place < 0.25 AND NOT purged THEN 46.5 + 40 * r2 END,
       CASE WHEN r_place < 0.45 AND NOT purged
            THEN 'ул. ' || ($11::text[])[1 + i % cardinality($11::text[])] || ', '
                 || (1 + i % 150) END,
       CASE WHEN confidential THEN 'confidential' ELSE 'anonymous' END,
       CASE WHEN confidential THEN
            CASE WHEN r_heavy < 0.12 THEN 1 + floor(r_who * $12)::bigint
                 ELSE 1 + floor(r_who * $13)::bigint END END,
       CASE WHEN NOT confidential
            THEN upper(lpad(to_hex((i::bigint * 2654435761) % 4294967296), 8, '0')) END,
       CASE WHEN NOT confidential
            THEN '$argon2id$v=19$m=65536,t=3,p=4$YmVuY2g$' || md5(i::text) END,
       status,
       CASE WHEN was_taken THEN h.user_id END,
       created_at, changed,
       CASE WHEN status = 'resolved' THEN changed
            WHEN status = 'reopened' THEN taken + span * 0.4 END,
       CASE WHEN was_taken THEN taken END,
       CASE WHEN status = 'reopened' THEN changed + interval '3 days'
            WHEN was_taken THEN taken + interval '3 days' END,
       CASE WHEN status = 'reopened' THEN changed + interval '14 days'
            WHEN was_taken THEN taken + interval '14 days' END,
       CASE WHEN was_taken AND status NOT IN ('taken', 'reopened')
            THEN taken + span * (0.05 + 0.1 * r2) END,
       CASE WHEN purged THEN least($1::timestamptz, changed + interval '365 days 3 hours') END
FROM (
    SELECT timed.*, r_mode < 0.7 AS confidential,
           status IN ('resolved', 'unfounded', 'withdrawn', 'answered')
               AND changed < $1::timestamptz - interval '365 days 3 hours' AS purged
    FROM timed
) t
JOIN bench_commissars h ON h.region_code = t.region AND h.n = t.handler
"""
"""Two years of tips, more of them lately, numbered in the order they came as the identity
column would (given explicitly, which spares sorting a million rows). Most are closed; the last
two weeks still have tips in the regions' queues and in commissars' hands, with a tail of older
ones nobody finished. Tips closed more than a year ago have had their texts removed, as
retention does."""

FIELDWORK_SQL = """
INSERT INTO violations (tip_id, region_code, recorded_by, body, description, rule_broken,
                        severity, amount, created_at)
SELECT id, region_code, assignee_user_id, body_concerned,
       ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int],
       CASE WHEN random() < 0.6
            THEN ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] END,
       (ARRAY['low', 'medium', 'high', 'critical'])[
           width_bucket(random(), ARRAY[0, 0.3, 0.7, 0.92]::float8[])],
       CASE WHEN random() < 0.35 THEN round((random() * random() * 20000000)::numeric, 2) END,
       coalesce(first_action_at, taken_at)
           + (status_changed_at - coalesce(first_action_at, taken_at)) * random() AS at
FROM tips
WHERE taken_at IS NOT NULL AND random() < CASE
    WHEN status IN ('passed', 'appeal_sent', 'answered') THEN 0.7
    WHEN status IN ('resolved', 'in_work', 'info_needed') THEN 0.1
    ELSE 0 END
ORDER BY at;

INSERT INTO field_checks (kind_code, commissar_user_id, region_code, target, reference,
                          planned_on, status, created_at, finished_at)
SELECT g.kind, c.user_id, c.region_code,
       replace(($5::text[])[1 + floor(g.r_target * cardinality($5::text[]))::int], '#',
               (1 + g.i % 40)::text) || ' ' || r.name_ru,
       CASE WHEN g.kind = 'procurement' THEN 'ЛОТ-' || (100000 + g.i) END,
       (g.created_at + interval '1 day' * (1 + 10 * g.r_plan))::date,
       g.status, g.created_at,
       CASE WHEN g.status = 'done'
            THEN least($1::timestamptz, g.created_at + interval '1 day' * (1 + 10 * g.r_plan))
            END
FROM (
    SELECT i, r_plan, r_target, kind, created_at, gn,
           CASE WHEN $1::timestamptz - created_at < interval '20 days'
                THEN (ARRAY['planned', 'in_progress', 'done'])[1 + floor(3 * r_status)::int]
                WHEN r_status < 0.85 THEN 'done' ELSE 'cancelled' END AS status
    FROM (
        SELECT i, random() AS r_plan, random() AS r_status, random() AS r_target,
               (ARRAY['raid', 'procurement', 'reception', 'mystery_shopper', 'construction',
                      'road'])[1 + floor(6 * random())::int] AS kind,
               $1::timestamptz - interval '730 days' * random() AS created_at,
               floor(random() * (SELECT count(*) FROM bench_commissars))::int AS gn
        FROM generate_series(1, $4) AS i
    ) drawn
) g
JOIN bench_commissars c ON c.gn = g.gn
JOIN regions r ON r.code = c.region_code
ORDER BY g.created_at;

INSERT INTO violations (check_id, region_code, recorded_by, body, description, rule_broken,
                        severity, amount, created_at)
SELECT id, region_code, commissar_user_id, target,
       ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int],
       ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int],
       (ARRAY['low', 'medium', 'high', 'critical'])[
           width_bucket(random(), ARRAY[0, 0.4, 0.8, 0.95]::float8[])],
       NULL, finished_at
FROM field_checks WHERE status = 'done' AND random() < 0.3
ORDER BY finished_at;

INSERT INTO violation_evidence (violation_id, position, kind, file_id, file_unique_id,
                                file_size, mime_type, sha256, received_at, added_by)
SELECT v.id, p,
       (ARRAY['photo', 'video', 'document', 'voice'])[1 + (v.id + p - 1) % 4],
       'BENCH-' || v.id || '-' || p, 'U' || v.id || '-' || p,
       100000 + (v.id * 37 + p) % 5000000,
       CASE WHEN (v.id + p - 1) % 4 = 2 THEN 'application/pdf' END,
       md5(v.id || '/' || p) || md5(p || '/' || v.id), v.created_at, v.recorded_by
FROM violations v CROSS JOIN LATERAL generate_series(1, 1 + (v.id % 3)::int) AS p;
"""
"""Violations on a share of the tips commissars handled (most of those passed to ambassadors),
and on a share of field checks; each with one to three evidence files."""

REGISTER_SQL = """
INSERT INTO risk_entries (region_code, body, description, kind, level, status, created_by,
                          created_at, status_changed_at)
SELECT region_code, body, 'Системное нарушение: ' || description,
       CASE WHEN id % 3 = 0 THEN 'pain_point' ELSE 'corruption_risk' END,
       severity, status, a.ids[1 + id % cardinality(a.ids)], created,
       CASE WHEN status = 'open' THEN created
            ELSE created + ($1::timestamptz - created) * 0.5 END
FROM (
    SELECT v.*, least($1::timestamptz, v.created_at + interval '1 day' * (1 + 10 * random()))
               AS created,
           (ARRAY['open', 'appeal_sent', 'answered', 'closed'])[
               width_bucket(random(), ARRAY[0, 0.4, 0.65, 0.9]::float8[])] AS status
    FROM violations v WHERE v.id % $2 = 0
) v
CROSS JOIN (SELECT array_agg(user_id ORDER BY user_id) AS ids FROM role_grants
            WHERE role = 'ambassador' AND region_code IS NULL) a
ORDER BY v.id;

INSERT INTO risk_entry_violations (entry_id, violation_id, linked_by, linked_at)
SELECT e.id, v.id, e.created_by, e.created_at
FROM (SELECT id, created_by, created_at, row_number() OVER (ORDER BY id) AS rn
      FROM risk_entries) e
JOIN (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM violations WHERE id % $2 = 0) v
    USING (rn);

INSERT INTO risk_entry_tips (entry_id, tip_id, linked_by, linked_at)
SELECT e.id, t.id, e.created_by, greatest(e.created_at, t.status_changed_at)
FROM tips t
JOIN (SELECT region_code, count(*) AS total FROM risk_entries GROUP BY region_code) c
    USING (region_code)
JOIN (SELECT id, region_code, created_by, created_at,
             row_number() OVER (PARTITION BY region_code ORDER BY id) - 1 AS n
      FROM risk_entries) e ON e.region_code = t.region_code AND e.n = t.id % c.total
WHERE t.status IN ('appeal_sent', 'answered') OR (t.status = 'passed' AND t.id % 2 = 0);

INSERT INTO appeals (entry_id, region_code, author_user_id, addressee, subject, body, status,
                     created_at, sent_on, due_on, answered_at, answer_text)
SELECT id, region_code, created_by, body, left('О нарушениях: ' || body, 300),
       'Просим провести проверку изложенных фактов и сообщить о принятых мерах. '
           || description,
       appeal_status, created_at + (status_changed_at - created_at) * 0.2,
       CASE WHEN appeal_status <> 'draft' THEN sent_on END,
       CASE WHEN appeal_status <> 'draft' THEN sent_on + 21 END,
       CASE WHEN appeal_status = 'answered' THEN status_changed_at END,
       CASE WHEN appeal_status = 'answered'
            THEN 'Факты подтвердились частично, виновные привлечены к ответственности.' END
FROM (
    SELECT e.*,
           CASE status WHEN 'open' THEN 'draft' WHEN 'appeal_sent' THEN 'sent'
                ELSE 'answered' END AS appeal_status,
           ((created_at + (status_changed_at - created_at) * 0.3) AT TIME ZONE $3)::date
               AS sent_on
    FROM risk_entries e
    WHERE status <> 'open' OR id % 6 = 0
) e
ORDER BY id;

INSERT INTO appeal_violations (appeal_id, violation_id)
SELECT a.id, l.violation_id FROM appeals a JOIN risk_entry_violations l USING (entry_id);
"""
"""The ambassadors' register: an entry from one violation in every $2, the tips passed on
linked to entries of their region, and an appeal for every entry past 'open' (and drafts)."""


CHECK_REFERENCES_SQL = """
DO $$
DECLARE
    missing bigint;
BEGIN
    SELECT (SELECT count(*) FROM tips t WHERE NOT EXISTS (
                SELECT FROM tip_categories c WHERE c.code = t.category_code)
             OR NOT EXISTS (SELECT FROM regions r WHERE r.code = t.region_code)
             OR (t.tipster_user_id IS NOT NULL
                 AND NOT EXISTS (SELECT FROM users u WHERE u.id = t.tipster_user_id))
             OR (t.assignee_user_id IS NOT NULL
                 AND NOT EXISTS (SELECT FROM users u WHERE u.id = t.assignee_user_id)))
         + (SELECT count(*) FROM violations v WHERE NOT EXISTS (
                SELECT FROM users u WHERE u.id = v.recorded_by)
             OR (v.tip_id IS NOT NULL AND NOT EXISTS (SELECT FROM tips t WHERE t.id = v.tip_id))
             OR (v.check_id IS NOT NULL
                 AND NOT EXISTS (SELECT FROM field_checks c WHERE c.id = v.check_id)))
         + (SELECT count(*) FROM violation_evidence e WHERE NOT EXISTS (
                SELECT FROM violations v WHERE v.id = e.violation_id))
         + (SELECT count(*) FROM field_checks c WHERE NOT EXISTS (
                SELECT FROM users u WHERE u.id = c.commissar_user_id))
         + (SELECT count(*) FROM risk_entry_tips l WHERE NOT EXISTS (
                SELECT FROM tips t WHERE t.id = l.tip_id)
             OR NOT EXISTS (SELECT FROM risk_entries e WHERE e.id = l.entry_id))
         + (SELECT count(*) FROM risk_entry_violations l WHERE NOT EXISTS (
                SELECT FROM violations v WHERE v.id = l.violation_id)
             OR NOT EXISTS (SELECT FROM risk_entries e WHERE e.id = l.entry_id))
         + (SELECT count(*) FROM appeals a WHERE NOT EXISTS (
                SELECT FROM risk_entries e WHERE e.id = a.entry_id))
         + (SELECT count(*) FROM appeal_violations l WHERE NOT EXISTS (
                SELECT FROM appeals a WHERE a.id = l.appeal_id)
             OR NOT EXISTS (SELECT FROM violations v WHERE v.id = l.violation_id))
    INTO missing;
    IF missing > 0 THEN
        RAISE EXCEPTION '% generated rows refer to rows that do not exist', missing;
    END IF;
END
$$;
"""
"""What the foreign keys would have refused, counted at once for the rows loaded without them."""


BULK_TABLES = ("tips", "violations", "violation_evidence", "field_checks")
DEFERRED_INDEXES_SQL = """
SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i
WHERE i.indrelid = ANY(SELECT c.oid FROM pg_class c WHERE c.relname = ANY($1::text[])
                       AND c.relnamespace = 'public'::regnamespace)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
ORDER BY i.indexrelid
"""
"""The migrations' plain indexes of the big tables: dropped for the load and built after it,
sorted in one go each (as pg_restore does), instead of a random insert into every index for
every row. Indexes behind constraints (keys, unique receipts) stay."""


async def generate(connection: asyncpg.Connection, users: int, tip_count: int, seed: float) -> None:
    staff = Staff.for_users(users)
    if staff.total + staff.tipsters >= users:
        raise SystemExit("--users is too small for the tipsters and the volunteers")
    now = datetime.now(UTC)
    regions, region_bounds = _cumulative(REGION_WEIGHTS)
    categories, category_bounds = _cumulative(CATEGORY_WEIGHTS)
    kinds: list[str] = []
    starts, counts = [], []
    for category in categories:
        starts.append(len(kinds) + 1)
        counts.append(len(CATEGORY_BODIES[category]))
        kinds.extend(CATEGORY_BODIES[category])
    await connection.execute("SELECT setseed($1)", seed)
    staff_base = users - staff.total

    async def step(name: str, sql: str, *args: object) -> None:
        started = time.perf_counter()
        if args:
            await connection.execute(sql, *args)
        else:
            await connection.execute(sql)
        print(f"  {name:<46} {time.perf_counter() - started:7.1f} s", flush=True)

    print("Generating:", flush=True)
    await step(
        f"{users:,} users",
        USERS_SQL,
        now, users, regions, region_bounds, FIRST_NAMES, LAST_NAMES, staff.tipsters, staff.total,
    )  # fmt: skip
    await step("role grants", _bind(GRANTS_SQL, now, staff_base, staff.commissars, regions,
                                     region_bounds, staff.ambassadors, staff.ombudsmen,
                                     staff.coordinators))  # fmt: skip
    # Foreign keys are checked once, set-based, after the load (`CHECK_REFERENCES_SQL`) instead
    # of by a trigger per row; checks, defaults and the other triggers work as always.
    await connection.execute("SET session_replication_role = replica")
    await connection.execute("SET maintenance_work_mem = '512MB'")
    deferred = await connection.fetch(DEFERRED_INDEXES_SQL, list(BULK_TABLES))
    for index in deferred:
        await connection.execute(f"DROP INDEX {index['name']}")
    await step(
        f"{tip_count:,} tips",
        TIPS_SQL,
        now, tip_count, regions, region_bounds, categories, category_bounds, kinds, starts,
        counts, DESCRIPTIONS, STREETS, staff.heavy_tipsters, staff.tipsters,
    )  # fmt: skip
    await connection.execute(
        "SELECT setval(pg_get_serial_sequence('tips', 'id'), (SELECT max(id) FROM tips))"
    )
    await step(
        "violations, field checks, evidence",
        _bind(FIELDWORK_SQL, now, VIOLATION_TEXTS, RULES_BROKEN, max(1000, tip_count // 50),
              kinds),
    )  # fmt: skip
    await step("register entries, linked tips, appeals", _bind(REGISTER_SQL, now, 80, ZONE.key))
    started = time.perf_counter()
    for index in deferred:
        await connection.execute(index["definition"])
    print(f"  {f'{len(deferred)} indexes built after the load':<46} "
          f"{time.perf_counter() - started:7.1f} s", flush=True)  # fmt: skip
    await connection.execute("SET session_replication_role = DEFAULT")
    await step("tips counted per day and month", "SELECT tip_counts_recount()")
    await step("foreign keys checked", CHECK_REFERENCES_SQL)
    await step("VACUUM ANALYZE", "VACUUM (ANALYZE)")


def _bind(script: str, *args: object) -> str:
    """A multi-statement script with its $n replaced by SQL literals (only the bench's own
    constants: numbers, timestamps and fixed lists of words)."""
    for number in range(len(args), 0, -1):
        script = script.replace(f"${number}", _literal(args[number - 1]))
    return script


def _literal(value: object) -> str:
    if isinstance(value, datetime):
        return f"'{value.isoformat()}'"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, list):
        return "ARRAY[" + ", ".join(_literal(item) for item in value) + "]"
    raise TypeError(f"no literal for {value!r}")


# ------------------------------------------------------------------ what is measured


@dataclass(frozen=True)
class People:
    commissars: list[Actor]
    """The one with the most tips in hand first."""
    queue_commissars: list[Actor]
    """A commissar of the region with the longest queue first."""
    tipsters: list[Actor]
    """The tipster with the most tips first, then heavy and ordinary tipsters."""
    nationwide_ambassador: Actor
    regional_ambassadors: list[Actor]
    nationwide_ombudsman: Actor
    regional_coordinators: list[Actor]


async def _actors(store: Store, user_ids: list[int]) -> list[Actor]:
    actors = []
    for user_id in user_ids:
        row = await store.users.by_id(user_id)
        assert row is not None
        actors.append(actor_from(row))
    return actors


async def choose_people(store: Store) -> People:
    """People to act as, picked with the bench's own SQL (not measured)."""
    pool = store.pool
    working = list(tips.WORKING)
    busiest = await pool.fetch(
        "SELECT assignee_user_id FROM tips WHERE status = ANY($1::text[]) "
        "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
        working,
    )
    commissars = [r[0] for r in busiest] + [
        r[0]
        for r in await pool.fetch(
            "SELECT user_id FROM role_grants WHERE role = 'commissar' "
            "GROUP BY user_id ORDER BY user_id % 97, user_id LIMIT 60"
        )
    ]
    longest = await pool.fetch(
        "SELECT g.user_id FROM role_grants g JOIN ("
        "  SELECT region_code FROM tips WHERE status = 'new' GROUP BY 1"
        "  ORDER BY count(*) DESC LIMIT 1) q USING (region_code) "
        "WHERE g.role = 'commissar' ORDER BY g.user_id LIMIT 1"
    )
    heaviest = await pool.fetch(
        "SELECT tipster_user_id FROM tips WHERE tipster_user_id IS NOT NULL "
        "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    )
    shape = Staff.for_users(int(await pool.fetchval("SELECT count(*) FROM users")))
    heavy = shape.heavy_tipsters
    tipster_ids = [r[0] for r in heaviest]
    tipster_ids += [1 + (k * 7) % heavy for k in range(10)]
    tipster_ids += [heavy + 1 + (k * 7919) % (shape.tipsters - heavy) for k in range(40)]
    ambassadors = await pool.fetch(
        "SELECT user_id, region_code FROM role_grants WHERE role = 'ambassador' "
        "ORDER BY region_code NULLS FIRST, user_id"
    )
    regional: dict[str, int] = {}
    for user_id, region in ambassadors:
        if region is not None:
            regional.setdefault(region, user_id)
    ombudsman = await pool.fetchval(
        "SELECT min(user_id) FROM role_grants WHERE role = 'ombudsman' AND region_code IS NULL"
    )
    coordinators = await pool.fetch(
        "SELECT min(user_id) FROM role_grants WHERE role = 'coordinator' "
        "AND region_code IS NOT NULL GROUP BY region_code ORDER BY region_code"
    )
    return People(
        commissars=await _actors(store, commissars),
        queue_commissars=await _actors(store, [r[0] for r in longest] + commissars[1:]),
        tipsters=await _actors(store, tipster_ids),
        nationwide_ambassador=(await _actors(store, [ambassadors[0][0]]))[0],
        regional_ambassadors=await _actors(store, list(regional.values())),
        nationwide_ombudsman=(await _actors(store, [int(ombudsman)]))[0],
        regional_coordinators=await _actors(store, [r[0] for r in coordinators]),
    )


Call = Callable[[Store, int], Awaitable[object]]


@dataclass(frozen=True)
class Scenario:
    name: str
    target: float
    call: Call
    """Run the k-th sample: the same workflow with the k-th set of parameters."""

    @property
    def is_list(self) -> bool:
        return self.target == LIST_TARGET


def scenarios(people: People) -> list[Scenario]:
    clock = SystemClock()
    categories = list(CATEGORY_WEIGHTS)

    def pick(actors: list[Actor], k: int) -> Actor:
        return actors[k % len(actors)]

    def queue(store: Store, k: int) -> Awaitable[object]:
        category = categories[k % len(categories)] if k % 4 == 3 else None
        return assignments.queue(
            store, pick(people.queue_commissars, k), category=category,
            page=1 if k % 5 == 4 else 0, per_page=QUEUE_PER_PAGE,
        )  # fmt: skip

    def my_tips(store: Store, k: int) -> Awaitable[object]:
        return tips.my_tips(
            store, pick(people.tipsters, k), page=1 if k % 5 == 4 else 0,
            per_page=MY_TIPS_PER_PAGE,
        )  # fmt: skip

    def my_assignments(store: Store, k: int) -> Awaitable[object]:
        return assignments.my_assignments(
            store, pick(people.commissars, k), page=1 if k % 5 == 4 else 0,
            per_page=QUEUE_PER_PAGE,
        )  # fmt: skip

    def picture(days: int, nationwide: bool) -> Call:
        def call(store: Store, k: int) -> Awaitable[object]:
            actor = (
                people.nationwide_ambassador if nationwide else pick(people.regional_ambassadors, k)
            )
            return risks.risk_picture(store, actor, days, ZONE, clock)

        return call

    def behind_region(store: Store, k: int) -> Awaitable[object]:
        region = list(REGION_WEIGHTS)[k % len(REGION_WEIGHTS)]
        return risks.violations_behind(
            store, people.nationwide_ambassador, (30, 90, 365)[k % 3], ZONE, clock,
            region_code=region,
        )  # fmt: skip

    def behind_body(store: Store, k: int) -> Awaitable[object]:
        return risks.violations_behind(
            store, people.nationwide_ambassador, 30, ZONE, clock, body_rank=k % 10
        )

    def figures(days: int, nationwide: bool) -> Call:
        def call(store: Store, k: int) -> Awaitable[object]:
            actor = (
                people.nationwide_ombudsman if nationwide else pick(people.regional_coordinators, k)
            )
            return analytics.statistics(store, actor, days, ZONE, clock)

        return call

    def audience(store: Store, k: int) -> Awaitable[object]:
        return statistics.audience(store, people.nationwide_ombudsman)

    found = [
        Scenario("commissar queue (/queue)", LIST_TARGET, queue),
        Scenario("my tips, citizen (/mytips)", LIST_TARGET, my_tips),
        Scenario("my tips, commissar (/assignments)", LIST_TARGET, my_assignments),
        Scenario("risks: violations behind a region", LIST_TARGET, behind_region),
    ]
    for days in risks.PICTURE_DAYS:
        found.append(Scenario(f"risks: picture {days} d, nationwide", FIGURES_TARGET,
                              picture(days, True)))  # fmt: skip
        found.append(Scenario(f"risks: picture {days} d, one region", FIGURES_TARGET,
                              picture(days, False)))  # fmt: skip
    found.append(Scenario("risks: violations behind a body, 30 d", FIGURES_TARGET, behind_body))
    found.append(Scenario("/stats: audience", FIGURES_TARGET, audience))
    for days in (30, 365):
        found.append(Scenario(f"/stats: tips {days} d, nationwide", FIGURES_TARGET,
                              figures(days, True)))  # fmt: skip
        found.append(Scenario(f"/stats: tips {days} d, one region", FIGURES_TARGET,
                              figures(days, False)))  # fmt: skip
    return found


@dataclass(frozen=True)
class Statement:
    query: str
    args: tuple[object, ...]


async def planner_connection(url: str) -> asyncpg.Connection:
    """A connection like the pool's (UTC, JSON decoded) but without its command timeout, to
    capture and explain statements however slow they are."""
    connection = await asyncpg.connect(url, server_settings=SESSION_SETTINGS)
    for type_name in ("json", "jsonb"):
        await connection.set_type_codec(
            type_name, schema="pg_catalog", encoder=json.dumps, decoder=json.loads
        )
    return connection


TRANSACTION_CONTROL = re.compile(r"\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b", re.IGNORECASE)
"""What asyncpg sends for `transaction()`: the statements between are explained inside one
transaction of their own, so that what they set locally (work_mem) holds as in the call."""


async def captured_statements(
    store: Store, planner: asyncpg.Connection, scenario: Scenario, k: int = 0
) -> list[Statement]:
    """The statements the k-th call of the scenario sends, with their arguments."""
    statements: list[Statement] = []

    def log(record: LoggedQuery) -> None:
        if not TRANSACTION_CONTROL.match(record.query):
            statements.append(Statement(record.query, tuple(record.args)))

    planner.add_query_logger(log)
    try:
        await scenario.call(Store(planner, store.pool), k)
        await asyncio.sleep(0)  # asyncpg calls the loggers soon after, not at once
    finally:
        planner.remove_query_logger(log)
    return statements


async def explain(store: Store, planner: asyncpg.Connection, scenario: Scenario) -> list[str]:
    lines = [f"=== {scenario.name}"]
    statements = await captured_statements(store, planner, scenario)
    async with planner.transaction():
        for statement in statements:
            lines.append("--- " + " ".join(statement.query.split())[:400])
            lines.append("    args: " + ", ".join(_short(arg) for arg in statement.args))
            plan = await planner.fetch(
                "EXPLAIN (ANALYZE, BUFFERS) " + statement.query, *statement.args
            )
            lines.extend("    " + row[0] for row in plan)
    return lines


async def server_seconds(
    store: Store, planner: asyncpg.Connection, scenario: Scenario, k: int
) -> float:
    """What the server itself spends on the k-th call: planning and execution time of each of
    its statements, from `EXPLAIN (ANALYZE, TIMING OFF)` (no waiting for a CPU, no network, no
    decoding), to tell a slow statement from a busy machine."""
    total = 0.0
    statements = await captured_statements(store, planner, scenario, k)
    async with planner.transaction():
        for statement in statements:
            plan = await planner.fetchval(
                "EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + statement.query, *statement.args
            )
            total += plan[0]["Planning Time"] + plan[0]["Execution Time"]
    return total / 1000


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)] if ordered else math.nan


@dataclass(frozen=True)
class Timing:
    scenario: Scenario
    seconds: list[float]
    """Wall clock of each call as the bot sees it, waiting for a CPU included."""
    server_seconds: list[float]
    """The server's planning and execution time of each call's statements."""

    def percentile(self, share: float) -> float:
        return percentile(self.seconds, share)

    @property
    def passed(self) -> bool:
        return self.percentile(0.95) <= self.scenario.target

    @property
    def server_passed(self) -> bool:
        return percentile(self.server_seconds, 0.95) <= self.scenario.target


async def measure(
    store: Store, planner: asyncpg.Connection, scenario: Scenario, samples: int
) -> Timing:
    """`samples` timed calls after a few untimed ones, then the server's own time for each of
    the same calls (the first few of a figures query, whose time is all the server's); the
    first call that hits the pool's command timeout (as the bot's would)
    ends the scenario."""
    seconds: list[float] = []
    try:
        for k in range(min(3, samples)):
            await scenario.call(store, k)
        for k in range(samples):
            started = time.perf_counter()
            await scenario.call(store, k)
            seconds.append(time.perf_counter() - started)
    except TimeoutError:
        return Timing(scenario, [*seconds, math.inf], [])
    explained = samples if scenario.is_list else min(samples, SERVER_SAMPLES_OF_FIGURES)
    server = [await server_seconds(store, planner, scenario, k) for k in range(explained)]
    return Timing(scenario, seconds, server)


def table(timings: list[Timing]) -> list[str]:
    """Wall clock p50 / p95 / max and its verdict, then the server's p50 / p95 and its verdict."""
    lines = [
        f"{'query':<40} {'n':>4} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9} {'target':>7} "
        f"{'wall':>5} {'srv p50':>9} {'srv p95':>9} {'srv':>5}",
        "-" * 116,
    ]
    for timing in timings:
        target = timing.scenario.target
        server = timing.server_seconds
        lines.append(
            f"{timing.scenario.name:<40} {len(timing.seconds):>4} "
            f"{timing.percentile(0.5) * 1000:>9.2f} {timing.percentile(0.95) * 1000:>9.2f} "
            f"{max(timing.seconds) * 1000:>9.2f} "
            f"{f'{target * 1000:.0f} ms' if target < 1 else f'{target:.0f} s':>7} "
            f"{'PASS' if timing.passed else 'FAIL':>5} "
            f"{percentile(server, 0.5) * 1000:>9.2f} {percentile(server, 0.95) * 1000:>9.2f} "
            f"{'PASS' if timing.server_passed else 'FAIL':>5}"
        )
    return lines


# ------------------------------------------------------------------ the machine and the run


def machine() -> list[str]:
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(
                line.split(":", 1)[1].strip() for line in info if line.startswith("model name")
            )
    except (OSError, StopIteration):
        pass
    memory = "?"
    try:
        with open("/proc/meminfo", encoding="utf-8") as info:
            kilobytes = int(next(line for line in info if line.startswith("MemTotal")).split()[1])
            memory = f"{kilobytes / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    load = load_average()
    uptime = subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout
    return [
        f"CPU: {cpu}, {os.cpu_count()} cores; RAM {memory}",
        f"Python {platform.python_version()}; load average {load} ({uptime.strip()})",
    ]


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


async def run(args: argparse.Namespace) -> None:
    name = args.reuse or f"acf_bench_{secrets.token_hex(4)}"
    url = with_database(args.database_url, name)
    admin = await asyncpg.connect(args.database_url)
    if not args.reuse:
        await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        store = await open_store(url, max_size=2, application="acf-bench")
        try:
            applied = await apply_migrations(store.pool)
            print(f"Database {name}: migrations applied now: {', '.join(applied) or 'none'}")
            generator = await asyncpg.connect(url)  # no command timeout, unlike the bot's pool
            try:
                if not args.reuse:
                    await generate(generator, args.users, args.tips, args.seed)
                elif applied:
                    await generator.execute("VACUUM (ANALYZE)")
            finally:
                await generator.close()
            await report(store, url, args)
        finally:
            await store.close()
    finally:
        if args.keep or args.reuse:
            print(f"Kept: {url}")
        else:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def report(store: Store, url: str, args: argparse.Namespace) -> None:
    version = await store.pool.fetchval("SHOW server_version")
    shape = await store.pool.fetchrow(
        """
        SELECT (SELECT count(*) FROM users) AS users,
               (SELECT count(*) FROM role_grants) AS grants,
               (SELECT count(DISTINCT user_id) FROM role_grants WHERE role = 'commissar')
                   AS commissars,
               (SELECT count(*) FROM tips) AS tips,
               (SELECT count(*) FROM tips WHERE status = 'new') AS queued,
               (SELECT count(*) FROM tips WHERE status = ANY($1::text[])) AS working,
               (SELECT count(*) FROM tips WHERE purged_at IS NOT NULL) AS purged,
               (SELECT count(*) FROM violations) AS violations,
               (SELECT count(*) FROM violation_evidence) AS evidence,
               (SELECT count(*) FROM field_checks) AS checks,
               (SELECT count(*) FROM risk_entries) AS entries,
               (SELECT count(*) FROM risk_entry_tips) AS linked_tips,
               (SELECT count(*) FROM appeals) AS appeals,
               pg_size_pretty(pg_database_size(current_database())) AS size
        """,
        list(tips.WORKING),
    )
    assert shape is not None
    summary = ", ".join(f"{key} {value:,}" if isinstance(value, int) else f"{key} {value}"
                        for key, value in shape.items())  # fmt: skip
    people = await choose_people(store)
    chosen = scenarios(people)
    if args.only:
        chosen = [scenario for scenario in chosen if args.only in scenario.name]
    planner = await planner_connection(url)
    try:
        if args.plans:
            for scenario in chosen:
                print("\n".join(await explain(store, planner, scenario)), flush=True)
        load_before = load_average()
        timings = []
        for scenario in chosen:
            samples = args.samples if scenario.is_list else min(args.samples, args.heavy_samples)
            timings.append(await measure(store, planner, scenario, samples))
            print(f"  measured {scenario.name} (load average {load_average()})", flush=True)
    finally:
        await planner.close()
    print()
    print(f"Data: {summary}")
    print(f"PostgreSQL {version}; " + "; ".join(machine()))
    print(f"Load average when the measurements began: {load_before}")
    print("\n".join(table(timings)))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.store", description=__doc__)
    option = parser.add_argument
    option("--database-url", default=DEFAULT_URL, help="the server to create the database on")
    option("--tips", type=int, default=1_000_000)
    option("--users", type=int, default=100_000)
    option("--samples", type=int, default=200, help="runs of each list query")
    option("--heavy-samples", type=int, default=10, help="runs of each figures query")
    option("--seed", type=float, default=0.42, help="setseed() of the generator")
    option("--keep", action="store_true", help="keep the database at the end")
    option("--reuse", metavar="NAME", help="measure a kept database again, without generating")
    option("--only", metavar="TEXT", help="measure only the queries whose name has TEXT")
    option("--no-plans", dest="plans", action="store_false", help="leave out the plans")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
