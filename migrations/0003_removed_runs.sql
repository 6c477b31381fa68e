-- Runs taken out of the store on purpose (`runs remove ID`). A run page is a permanent address while its run is in
-- the store; once the run is removed its address answers 410 Gone (not 404), so the tombstone keeps what that page
-- needs: which suite the run belonged to and what it was called. Importing a run with the same id again deletes
-- its tombstone in the import's transaction.
create table removed_runs (
    id         text primary key check (id ~ '^[a-z0-9][a-z0-9._-]*$'),
    suite      text not null references suites (slug),
    title      text not null check (title <> ''),
    removed_at timestamptz not null default now()
);
