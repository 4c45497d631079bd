-- Commissars' work: deadlines of an assignment, field checks with their checklists, violations
-- with evidence that can only be added to, citizen receptions, and the reminders that chase all
-- of it. All timestamps are timestamptz (stored in UTC).

-- An assignment's deadlines, set from the category's service levels when a commissar takes a tip.
ALTER TABLE tips
    ADD COLUMN taken_at         timestamptz,
    ADD COLUMN first_action_due timestamptz,
    ADD COLUMN resolve_due      timestamptz,
    ADD COLUMN first_action_at  timestamptz,
    ADD CONSTRAINT tips_deadlines_together
        CHECK ((first_action_due IS NULL) = (resolve_due IS NULL));

-- Steps of a tip's history the bot names itself (shown in the reader's language), as opposed to
-- a handler's own note.
ALTER TABLE tip_history
    ADD COLUMN event text CHECK (event IN (
        'reassigned', 'follow_up', 'assignee_left', 'tipster_answered'));
UPDATE tip_history SET event = 'follow_up', note = NULL
WHERE status = 'reopened' AND note = 'follow-up';

CREATE INDEX tips_queue_by_category ON tips (region_code, category_code, created_at)
    WHERE status = 'new';
CREATE INDEX tips_overdue ON tips (resolve_due)
    WHERE status IN ('taken', 'in_work', 'info_needed', 'reopened');

-- Kinds of field check and the checklist of each, kept as data so they can change without code.
CREATE TABLE check_kinds (
    code           text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]{1,31}$'),
    position       integer NOT NULL,
    name_ru        text NOT NULL CHECK (name_ru <> ''),
    name_kk        text NOT NULL CHECK (name_kk <> ''),
    name_en        text NOT NULL CHECK (name_en <> ''),
    needs_reference boolean NOT NULL DEFAULT false
);

CREATE TABLE check_items (
    kind_code text NOT NULL REFERENCES check_kinds (code),
    position  integer NOT NULL CHECK (position > 0),
    text_ru   text NOT NULL CHECK (text_ru <> ''),
    text_kk   text NOT NULL CHECK (text_kk <> ''),
    text_en   text NOT NULL CHECK (text_en <> ''),
    PRIMARY KEY (kind_code, position)
);

INSERT INTO check_kinds (code, position, needs_reference, name_ru, name_kk, name_en) VALUES
    ('raid',         1, false, 'Рейд',                                  'Рейд',                                  'Raid'),
    ('procurement',  2, true,  'Мониторинг госзакупок',                 'Мемлекеттік сатып алу мониторингі',     'Public procurement monitoring'),
    ('reception',    3, false, 'Приём граждан',                         'Азаматтарды қабылдау',                  'Citizen reception'),
    ('mystery_shopper', 4, false, 'Тайный покупатель',                  'Жасырын сатып алушы',                   'Mystery shopper'),
    ('construction', 5, false, 'Контроль строительства соцобъекта',      'Әлеуметтік нысан құрылысын бақылау',     'Construction site control'),
    ('road',         6, false, 'Контроль дорожных работ',               'Жол жұмыстарын бақылау',                'Road control');

INSERT INTO check_items (kind_code, position, text_en, text_ru, text_kk) VALUES
    ('raid', 1, 'Prices and fees for services are displayed where visitors can see them',
        'Цены и сборы за услуги размещены на видном для посетителей месте',
        'Қызметтердің бағасы мен алымдары келушілерге көрінетін жерде ілінген'),
    ('raid', 2, 'The hotline number and anti-corruption notices are displayed',
        'Размещены номер телефона доверия и антикоррупционные объявления',
        'Сенім телефонының нөмірі мен сыбайлас жемқорлыққа қарсы хабарландырулар ілінген'),
    ('raid', 3, 'Staff wear name badges and work within the published opening hours',
        'Сотрудники носят бейджи и работают по объявленному графику',
        'Қызметкерлер бейдж тағып, жарияланған кесте бойынша жұмыс істейді'),
    ('raid', 4, 'No payment was asked for beyond the official fee',
        'Сверх официального сбора оплата не требовалась',
        'Ресми алымнан тыс ақы талап етілмеді'),
    ('raid', 5, 'Queues are managed in order, without favouritism',
        'Очередь соблюдается, без предпочтений для «своих»',
        'Кезек сақталады, «өз адамдарына» артықшылық жоқ'),

    ('procurement', 1, 'The lot or contract is published on the procurement portal',
        'Лот или договор опубликован на портале госзакупок',
        'Лот немесе шарт мемлекеттік сатып алу порталында жарияланған'),
    ('procurement', 2, 'The technical specification does not favour a single supplier',
        'Техническая спецификация не подогнана под одного поставщика',
        'Техникалық ерекшелік бір жеткізушіге бейімделмеген'),
    ('procurement', 3, 'The price is in line with the market',
        'Цена соответствует рыночной',
        'Баға нарықтық бағаға сәйкес'),
    ('procurement', 4, 'The winner is not affiliated with the customer''s officials',
        'Победитель не аффилирован с должностными лицами заказчика',
        'Жеңімпаз тапсырыс берушінің лауазымды тұлғаларымен үлестес емес'),
    ('procurement', 5, 'Goods, works or services were delivered as contracted',
        'Товары поставлены, работы выполнены или услуги оказаны согласно договору',
        'Тауарлар шартқа сәйкес жеткізілді, жұмыстар орындалды немесе қызметтер көрсетілді'),

    ('reception', 1, 'The reception was announced in advance',
        'О приёме заранее объявлено',
        'Қабылдау туралы алдын ала хабарланды'),
    ('reception', 2, 'Every citizen who came was heard',
        'Выслушан каждый пришедший гражданин',
        'Келген әр азаматтың сөзі тыңдалды'),
    ('reception', 3, 'Each request was recorded',
        'Каждое обращение записано',
        'Әр өтініш тіркелді'),
    ('reception', 4, 'Citizens were told what happens next and when',
        'Гражданам разъяснено, что и когда будет дальше',
        'Азаматтарға әрі қарай не болатыны және қашан болатыны түсіндірілді'),

    ('mystery_shopper', 1, 'The service was provided within the official time limit',
        'Услуга оказана в установленный срок',
        'Қызмет белгіленген мерзімде көрсетілді'),
    ('mystery_shopper', 2, 'No one hinted at a payment or a "gift"',
        'Никто не намекал на оплату или «подарок»',
        'Ешкім ақыға немесе «сыйлыққа» меңзеген жоқ'),
    ('mystery_shopper', 3, 'No intermediary was offered to speed things up',
        'Не предлагали посредника, чтобы «ускорить»',
        '«Тездету» үшін делдал ұсынылған жоқ'),
    ('mystery_shopper', 4, 'The documents asked for matched the official list',
        'Запрошенные документы соответствуют официальному перечню',
        'Сұралған құжаттар ресми тізбеге сәйкес'),
    ('mystery_shopper', 5, 'Staff were polite and gave clear information',
        'Сотрудники вежливы и дали понятные разъяснения',
        'Қызметкерлер сыпайы болып, түсінікті мәлімет берді'),

    ('construction', 1, 'An information board shows the customer, contractor, cost and deadlines',
        'На информационном щите указаны заказчик, подрядчик, стоимость и сроки',
        'Ақпараттық тақтада тапсырыс беруші, мердігер, құны мен мерзімі көрсетілген'),
    ('construction', 2, 'Work is progressing on schedule',
        'Работы идут по графику',
        'Жұмыстар кесте бойынша жүріп жатыр'),
    ('construction', 3, 'The materials used match the project',
        'Используемые материалы соответствуют проекту',
        'Қолданылатын материалдар жобаға сәйкес'),
    ('construction', 4, 'Technical supervision is present on site',
        'Технический надзор присутствует на объекте',
        'Техникалық қадағалау нысанда бар'),
    ('construction', 5, 'Completed work matches the signed acts',
        'Выполненные работы соответствуют подписанным актам',
        'Орындалған жұмыстар қол қойылған актілерге сәйкес'),

    ('road', 1, 'An information board shows the customer, contractor, cost and warranty',
        'На информационном щите указаны заказчик, подрядчик, стоимость и гарантия',
        'Ақпараттық тақтада тапсырыс беруші, мердігер, құны мен кепілдігі көрсетілген'),
    ('road', 2, 'The surface is even, without cracks or potholes',
        'Покрытие ровное, без трещин и ям',
        'Жабын тегіс, жарықтар мен шұңқырлар жоқ'),
    ('road', 3, 'Layer thickness matches the project (measured or from samples)',
        'Толщина слоёв соответствует проекту (замер или пробы)',
        'Қабаттардың қалыңдығы жобаға сәйкес (өлшеу немесе сынама)'),
    ('road', 4, 'Markings, signs and drainage are in place',
        'Разметка, знаки и водоотвод на месте',
        'Жол таңбалары, жол белгілері және су бұру жүйесі орнында'),
    ('road', 5, 'The contractor repairs defects under the warranty',
        'Подрядчик устраняет дефекты по гарантии',
        'Мердігер ақауларды кепілдік бойынша жояды');

-- A field check, planned and then carried out item by item.
CREATE TABLE field_checks (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind_code          text NOT NULL REFERENCES check_kinds (code),
    commissar_user_id  bigint NOT NULL REFERENCES users (id),
    region_code        text NOT NULL REFERENCES regions (code),
    target             text NOT NULL CHECK (char_length(target) BETWEEN 2 AND 200),
    reference          text CHECK (char_length(reference) BETWEEN 1 AND 100),
    planned_on         date NOT NULL,
    status             text NOT NULL DEFAULT 'planned'
                       CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
    created_at         timestamptz NOT NULL,
    finished_at        timestamptz
);

CREATE INDEX field_checks_of_commissar ON field_checks (commissar_user_id, planned_on DESC);

CREATE TABLE check_answers (
    check_id    bigint NOT NULL REFERENCES field_checks (id),
    position    integer NOT NULL,
    answer      text NOT NULL CHECK (answer IN ('yes', 'no', 'na')),
    answered_at timestamptz NOT NULL,
    PRIMARY KEY (check_id, position)
);

-- A concrete violation, found by a check or while working a tip.
CREATE TABLE violations (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    check_id          bigint REFERENCES field_checks (id),
    tip_id            bigint REFERENCES tips (id),
    region_code       text NOT NULL REFERENCES regions (code),
    recorded_by       bigint NOT NULL REFERENCES users (id),
    body              text NOT NULL CHECK (char_length(body) BETWEEN 2 AND 200),
    description       text NOT NULL CHECK (char_length(description) BETWEEN 10 AND 2000),
    rule_broken       text CHECK (char_length(rule_broken) BETWEEN 2 AND 300),
    severity          text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    amount            numeric(16, 2) CHECK (amount >= 0),
    created_at        timestamptz NOT NULL,
    CHECK (check_id IS NOT NULL OR tip_id IS NOT NULL)
);

CREATE INDEX violations_by_region ON violations (region_code, created_at DESC);
CREATE INDEX violations_of_check ON violations (check_id) WHERE check_id IS NOT NULL;
CREATE INDEX violations_of_tip ON violations (tip_id) WHERE tip_id IS NOT NULL;

-- Evidence of a violation: the server's receive time, Telegram's unique id and the SHA-256 of
-- the downloaded file. Rows are only ever added: the trigger refuses changes and deletions.
CREATE TABLE violation_evidence (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    violation_id   bigint NOT NULL REFERENCES violations (id),
    position       integer NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('photo', 'video', 'document', 'voice')),
    file_id        text NOT NULL CHECK (char_length(file_id) BETWEEN 1 AND 512),
    file_unique_id text NOT NULL CHECK (char_length(file_unique_id) BETWEEN 1 AND 128),
    file_size      bigint CHECK (file_size >= 0),
    mime_type      text,
    file_name      text,
    sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    received_at    timestamptz NOT NULL,
    added_by       bigint NOT NULL REFERENCES users (id),
    UNIQUE (violation_id, position)
);

CREATE FUNCTION violation_evidence_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'violation evidence can only be added to';
END;
$$;

CREATE TRIGGER violation_evidence_append_only
    BEFORE UPDATE OR DELETE ON violation_evidence
    FOR EACH STATEMENT EXECUTE FUNCTION violation_evidence_is_append_only();

-- Reception hours a commissar publishes, and citizens' bookings of them.
CREATE TABLE reception_slots (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    commissar_user_id bigint NOT NULL REFERENCES users (id),
    region_code       text NOT NULL REFERENCES regions (code),
    starts_at         timestamptz NOT NULL,
    place             text NOT NULL CHECK (char_length(place) BETWEEN 3 AND 300),
    capacity          integer NOT NULL CHECK (capacity BETWEEN 1 AND 100),
    created_at        timestamptz NOT NULL,
    cancelled_at      timestamptz
);

CREATE INDEX reception_slots_upcoming ON reception_slots (region_code, starts_at)
    WHERE cancelled_at IS NULL;
CREATE INDEX reception_slots_of_commissar ON reception_slots (commissar_user_id, starts_at);

CREATE TABLE reception_bookings (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slot_id         bigint NOT NULL REFERENCES reception_slots (id),
    citizen_user_id bigint NOT NULL REFERENCES users (id),
    booked_at       timestamptz NOT NULL,
    cancelled_at    timestamptz
);

CREATE UNIQUE INDEX reception_bookings_one_per_person
    ON reception_bookings (slot_id, citizen_user_id) WHERE cancelled_at IS NULL;
CREATE INDEX reception_bookings_of_citizen ON reception_bookings (citizen_user_id)
    WHERE cancelled_at IS NULL;

-- Reminders, due at a moment. The sweep claims due rows (FOR UPDATE SKIP LOCKED), decides who
-- hears of them from the store as it is then, puts the messages in the outbox and marks the row
-- done, all in one transaction: each reminder goes out once, whatever restarts or instances.
CREATE TABLE reminders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN (
                    'tip_unclaimed', 'first_action_soon', 'first_action_overdue',
                    'resolve_soon', 'resolve_overdue', 'reception_day', 'reception_hour')),
    tip_id      bigint REFERENCES tips (id),
    user_id     bigint REFERENCES users (id),
    slot_id     bigint REFERENCES reception_slots (id),
    booking_id  bigint REFERENCES reception_bookings (id),
    due_at      timestamptz NOT NULL,
    created_at  timestamptz NOT NULL,
    done_at     timestamptz,
    outcome     text CHECK (outcome IN ('sent', 'moot', 'cancelled')),
    CHECK ((done_at IS NULL) = (outcome IS NULL))
);

CREATE INDEX reminders_due ON reminders (due_at, id) WHERE done_at IS NULL;
CREATE INDEX reminders_of_tip ON reminders (tip_id) WHERE done_at IS NULL AND tip_id IS NOT NULL;
CREATE INDEX reminders_of_slot ON reminders (slot_id) WHERE done_at IS NULL AND slot_id IS NOT NULL;

-- Tips already waiting in a queue get their "unclaimed" reminder too.
INSERT INTO reminders (kind, tip_id, due_at, created_at)
SELECT 'tip_unclaimed', id, created_at + interval '24 hours', now() FROM tips WHERE status = 'new';
