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
analyze;
