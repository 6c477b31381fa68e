-- The data every app reads, seeded once per run into the harness's private PostgreSQL.
-- Deterministic (no random()), so every run and every framework sees the same rows.
create table users (
  id integer primary key,
  name text not null,
  email text not null,
  plan text not null,
  token text not null unique
);

insert into users (id, name, email, plan, token)
select i, 'User ' || i, 'user' || i || '@example.com', (array['free', 'pro', 'team'])[1 + i % 3],
       md5('frameworks-bench-token-' || i)
from generate_series(1, 10000) as i;

create table orders (
  id integer primary key,
  user_id integer not null references users (id),
  created_at timestamptz not null,
  item_count integer not null,
  total_cents integer not null
);

-- 7919 is prime, so the orders spread evenly over the users (10 each) rather than in runs.
insert into orders (id, user_id, created_at, item_count, total_cents)
select i, 1 + (i * 7919) % 10000, timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute',
       1 + i % 5, 100 + (i * 37) % 10000
from generate_series(1, 100000) as i;

create index orders_user_id on orders (user_id);

-- TechEmpower's tables (their toolset's create-postgres.sql), for the test types taken from their benchmark.
-- world: 10,000 rows; TechEmpower fills randomnumber with random(), here a fixed spread over 1..10000 so every
-- run starts from the same rows (the updates test type rewrites some of them during a run).
create table world (
  id integer primary key,
  randomnumber integer not null
);

insert into world (id, randomnumber)
select i, 1 + (i * 7919) % 10000
from generate_series(1, 10000) as i;

-- fortune: TechEmpower's 12 rows exactly, including the one that must come out HTML-escaped and the one that
-- must come out in UTF-8.
create table fortune (
  id integer primary key,
  message text not null
);

insert into fortune (id, message) values
(1, 'fortune: No such file or directory'),
(2, 'A computer scientist is someone who fixes things that aren''t broken.'),
(3, 'After enough decimal places, nobody gives a damn.'),
(4, 'A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1'),
(5, 'A computer program does what you tell it to do, not what you want it to do.'),
(6, 'Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen'),
(7, 'Any program that runs right is obsolete.'),
(8, 'A list is only as strong as its weakest link. — Donald Knuth'),
(9, 'Feature: A bug with seniority.'),
(10, 'Computers make very fast, very accurate mistakes.'),
(11, '<script>alert("This should not be displayed in a browser alert box.");</script>'),
(12, 'フレームワークのベンチマーク');

analyze;
