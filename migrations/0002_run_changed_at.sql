-- When a run's data last changed, besides when it was last imported. Pages date themselves (sitemap lastmod,
-- Last-Modified, the feed's updated, JSON-LD dateModified) by changed_at, so re-importing identical data, or
-- seeding a fresh store from the same file, moves nothing. content_hash is a SHA-256 of the run's suite, fields
-- and measurements; an import whose hash equals the stored one keeps the stored changed_at.
alter table runs add column content_hash text;
alter table runs add column changed_at timestamptz;

-- Runs imported before this migration: their import is the best record of when their data changed.
update runs set changed_at = imported_at;

alter table runs alter column changed_at set default now();
alter table runs alter column changed_at set not null;
