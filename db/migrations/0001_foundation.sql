-- Foundation: people, roles, regions, tip categories, the audit log and conversation state.
-- All timestamps are timestamptz (stored in UTC).

CREATE TABLE regions (
    code        text PRIMARY KEY CHECK (code ~ '^[A-Z]{2,8}$'),
    kind        text NOT NULL CHECK (kind IN ('region', 'city')),
    name_ru     text NOT NULL CHECK (name_ru <> ''),
    name_kk     text NOT NULL CHECK (name_kk <> ''),
    name_en     text NOT NULL CHECK (name_en <> ''),
    position    integer NOT NULL,
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- The 17 regions and 3 cities of republican significance of Kazakhstan. Another country
-- replaces these rows; nothing in the code names a region.
INSERT INTO regions (code, kind, position, name_ru, name_kk, name_en) VALUES
    ('AST', 'city',    1, 'г. Астана',                       'Астана қаласы',                 'Astana'),
    ('ALA', 'city',    2, 'г. Алматы',                       'Алматы қаласы',                 'Almaty'),
    ('SHY', 'city',    3, 'г. Шымкент',                      'Шымкент қаласы',                'Shymkent'),
    ('ABA', 'region',  4, 'область Абай',                    'Абай облысы',                   'Abai Region'),
    ('AKM', 'region',  5, 'Акмолинская область',             'Ақмола облысы',                 'Akmola Region'),
    ('AKT', 'region',  6, 'Актюбинская область',             'Ақтөбе облысы',                 'Aktobe Region'),
    ('ALM', 'region',  7, 'Алматинская область',             'Алматы облысы',                 'Almaty Region'),
    ('ATY', 'region',  8, 'Атырауская область',              'Атырау облысы',                 'Atyrau Region'),
    ('VKO', 'region',  9, 'Восточно-Казахстанская область',  'Шығыс Қазақстан облысы',        'East Kazakhstan Region'),
    ('ZHA', 'region', 10, 'Жамбылская область',              'Жамбыл облысы',                 'Jambyl Region'),
    ('ZHE', 'region', 11, 'область Жетісу',                  'Жетісу облысы',                 'Jetisu Region'),
    ('ZKO', 'region', 12, 'Западно-Казахстанская область',   'Батыс Қазақстан облысы',        'West Kazakhstan Region'),
    ('KAR', 'region', 13, 'Карагандинская область',          'Қарағанды облысы',              'Karaganda Region'),
    ('KUS', 'region', 14, 'Костанайская область',            'Қостанай облысы',               'Kostanay Region'),
    ('KZY', 'region', 15, 'Кызылординская область',          'Қызылорда облысы',              'Kyzylorda Region'),
    ('MAN', 'region', 16, 'Мангистауская область',           'Маңғыстау облысы',              'Mangystau Region'),
    ('PAV', 'region', 17, 'Павлодарская область',            'Павлодар облысы',               'Pavlodar Region'),
    ('SKO', 'region', 18, 'Северо-Казахстанская область',    'Солтүстік Қазақстан облысы',    'North Kazakhstan Region'),
    ('TUR', 'region', 19, 'Туркестанская область',           'Түркістан облысы',              'Turkistan Region'),
    ('ULY', 'region', 20, 'область Ұлытау',                  'Ұлытау облысы',                 'Ulytau Region');

CREATE TABLE tip_categories (
    code                text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]{1,31}$'),
    name_ru             text NOT NULL CHECK (name_ru <> ''),
    name_kk             text NOT NULL CHECK (name_kk <> ''),
    name_en             text NOT NULL CHECK (name_en <> ''),
    position            integer NOT NULL,
    active              boolean NOT NULL DEFAULT true,
    first_action_within interval NOT NULL DEFAULT interval '3 days'
                        CHECK (first_action_within > interval '0'),
    resolve_within      interval NOT NULL DEFAULT interval '14 days'
                        CHECK (resolve_within >= first_action_within),
    created_at          timestamptz NOT NULL DEFAULT now()
);

INSERT INTO tip_categories (code, position, name_ru, name_kk, name_en) VALUES
    ('bribery',      1, 'Взятка, вымогательство',                 'Пара, қорқытып алу',                  'Bribery or extortion'),
    ('procurement',  2, 'Государственные закупки',                'Мемлекеттік сатып алу',               'Public procurement'),
    ('construction', 3, 'Строительство объектов и дорог',         'Нысандар мен жолдар құрылысы',        'Construction of facilities and roads'),
    ('abuse',        4, 'Злоупотребление должностью',            'Лауазымды теріс пайдалану',           'Abuse of office'),
    ('services',     5, 'Государственные услуги',                 'Мемлекеттік қызметтер',               'Public services'),
    ('healthcare',   6, 'Здравоохранение',                        'Денсаулық сақтау',                    'Healthcare'),
    ('education',    7, 'Образование',                            'Білім беру',                          'Education'),
    ('land',         8, 'Земля и недвижимость',                   'Жер және жылжымайтын мүлік',          'Land and property'),
    ('police',       9, 'Правоохранительные органы',              'Құқық қорғау органдары',              'Law enforcement'),
    ('other',       10, 'Другое',                                 'Басқа',                               'Other');

CREATE TABLE users (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    telegram_id         bigint NOT NULL UNIQUE,
    first_name          text,
    last_name           text,
    username            text,
    telegram_language   text,
    language            text CHECK (language IN ('ru', 'kk', 'en')),
    region_code         text REFERENCES regions (code),
    subscribed          boolean NOT NULL DEFAULT false,
    subscription_region text REFERENCES regions (code),
    blocked             boolean NOT NULL DEFAULT false,
    blocked_at          timestamptz,
    unreachable         boolean NOT NULL DEFAULT false,
    menu_stale          boolean NOT NULL DEFAULT false,
    menu_waiting        boolean NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    last_seen_at        timestamptz
);

CREATE INDEX users_username ON users (lower(username)) WHERE username IS NOT NULL;
CREATE INDEX users_menu_stale ON users (id) WHERE menu_stale;

-- Citizen is everyone's role and is not stored. A commissar is always bound to a region;
-- the other roles may be nationwide (region_code NULL) or regional.
CREATE TABLE role_grants (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id),
    role        text NOT NULL CHECK (role IN ('commissar', 'ambassador', 'ombudsman', 'coordinator')),
    region_code text REFERENCES regions (code),
    granted_by  bigint REFERENCES users (id),
    granted_via text NOT NULL CHECK (granted_via IN ('chat', 'shell', 'settings', 'sandbox', 'invite')),
    granted_at  timestamptz NOT NULL DEFAULT now(),
    revoked_by  bigint REFERENCES users (id),
    revoked_via text CHECK (revoked_via IN ('chat', 'shell')),
    revoked_at  timestamptz,
    CHECK (role <> 'commissar' OR region_code IS NOT NULL),
    CHECK ((revoked_at IS NULL) = (revoked_via IS NULL))
);

CREATE UNIQUE INDEX role_grants_one_active
    ON role_grants (user_id, role, coalesce(region_code, ''))
    WHERE revoked_at IS NULL;
CREATE INDEX role_grants_by_role ON role_grants (role, region_code) WHERE revoked_at IS NULL;

-- Who did what to what, and when. Rows are only ever added: the trigger refuses changes.
CREATE TABLE audit_log (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz NOT NULL DEFAULT now(),
    actor_user_id bigint REFERENCES users (id),
    actor_kind    text NOT NULL CHECK (actor_kind IN ('user', 'shell', 'system')),
    action        text NOT NULL CHECK (action ~ '^[a-z_]+\.[a-z_]+$'),
    object_type   text,
    object_id     text,
    details       jsonb NOT NULL DEFAULT '{}'::jsonb,
    CHECK ((actor_kind = 'user') = (actor_user_id IS NOT NULL))
);

CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_user_id, at);
CREATE INDEX audit_log_action ON audit_log (action, at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- aiogram conversation state, so that a half-finished conversation survives a restart.
CREATE TABLE fsm_states (
    bot_id                 bigint NOT NULL,
    chat_id                bigint NOT NULL,
    user_id                bigint NOT NULL,
    thread_id              bigint NOT NULL DEFAULT 0,
    business_connection_id text NOT NULL DEFAULT '',
    destiny                text NOT NULL DEFAULT 'default',
    state                  text,
    data                   jsonb NOT NULL DEFAULT '{}'::jsonb,
    updated_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (bot_id, chat_id, user_id, thread_id, business_connection_id, destiny)
);
