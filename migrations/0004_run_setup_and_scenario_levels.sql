-- Issue 29. A run's versions and configuration, per framework: what its own run ran (software and driver versions,
-- the server, worker processes and class, database connections, keep-alive, helper processes measured apart),
-- shown on the run page beside a plain note. A table of its own rather than a jsonb column, so the store checks
-- each field as the importer does and a run's setup goes with the run (on delete cascade). position keeps the
-- document's order.
create table run_setups (
    run_id               text not null references runs (id) on delete cascade,
    position             integer not null check (position >= 0),
    framework            text not null references frameworks (slug),
    software             text not null check (software <> ''),
    server               text not null check (server <> ''),
    workers              integer not null check (workers >= 1),
    worker_class         text not null check (worker_class <> ''),
    database_connections text not null check (database_connections <> ''),
    keep_alive           text not null check (keep_alive <> ''),
    helpers              text check (helpers <> ''),
    note                 text check (note <> ''),
    primary key (run_id, position),
    unique (run_id, framework)
);

-- The levels of one test type: scenarios of one family (e.g. "single-query") at different concurrency levels, which
-- a scaling chart draws as throughput against concurrency. Both optional; scenarios imported before keep neither.
alter table scenarios add column family text check (family ~ '^[a-z0-9][a-z0-9-]*$');
alter table scenarios add column concurrency integer check (concurrency >= 1);
