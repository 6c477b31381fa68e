-- The results store: every benchmark number the site shows lives here.
-- Catalogs (frameworks, scenarios, metrics) are shared across suites; runs belong to one suite;
-- measurements are one value (plus optional samples) per run, framework, scenario and metric.

create table suites (
    slug        text primary key check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    title       text not null check (title <> ''),
    description text
);

create table frameworks (
    slug     text primary key check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    name     text not null check (name <> ''),
    language text,
    server   text,
    version  text,
    url      text
);

create table scenarios (
    slug        text primary key check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    name        text not null check (name <> ''),
    description text
);

create table metrics (
    slug        text primary key check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    name        text not null check (name <> ''),
    unit        text not null,
    better      text not null check (better in ('higher', 'lower')),
    decimals    integer not null default 0 check (decimals between 0 and 6),
    -- 'measurement' is measured; 'rating' is an editorial score; 'estimate' is a derived figure such as a cost.
    kind        text not null default 'measurement' check (kind in ('measurement', 'rating', 'estimate')),
    -- Words for comparisons: "7.8x faster" when A's value is higher, "3.4x faster" when lower (cold start).
    higher_word text not null default 'higher',
    lower_word  text not null default 'lower'
);

create table runs (
    id           text primary key check (id ~ '^[a-z0-9][a-z0-9._-]*$'),
    suite        text not null references suites (slug),
    title        text not null check (title <> ''),
    run_date     date not null,
    period_start date,
    period_end   date,
    source       text not null check (source <> ''),
    source_url   text,
    -- 'reported': figures published by someone else and carried over; 'measured': our own run.
    origin       text not null check (origin in ('reported', 'measured')),
    hardware     text,
    cores        integer check (cores > 0),
    memory       text,
    os           text,
    server_setup text,
    load_tool    text,
    concurrency  integer check (concurrency > 0),
    duration     text,
    notes        text,
    caveats      text[] not null default '{}',
    imported_at  timestamptz not null default now(),
    check (period_end is null or period_start is null or period_end >= period_start)
);

create index runs_latest_per_suite on runs (suite, run_date desc, imported_at desc);

create table measurements (
    run_id    text not null references runs (id) on delete cascade,
    framework text not null references frameworks (slug),
    scenario  text not null references scenarios (slug),
    metric    text not null references metrics (slug),
    value     double precision not null check (value >= 0 and value < 'Infinity'::float8),
    samples   double precision[],
    primary key (run_id, framework, scenario, metric)
);
