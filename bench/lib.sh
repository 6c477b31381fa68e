# Shared set-up for the benchmarks: tools, a Release publish, a private PostgreSQL and the site on loopback.
# Sourced by bench/*.sh; expects $root (the repository) and sets $work, $site_url, $site_pid, $pg_port.

bench_install() { # bench_install PACKAGE...: Debian packages the benchmark needs, if missing
  local need=() tool
  for tool in "$@"; do
    case "$tool" in
      nginx) command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx) ;;
      h2load) command -v h2load >/dev/null 2>&1 || need+=(nghttp2-client) ;;
      varnish) [ -x /usr/sbin/varnishd ] || need+=(varnish) ;;
      *) command -v "$tool" >/dev/null 2>&1 || need+=("$tool") ;;
    esac
  done
  if [ "${#need[@]}" -gt 0 ]; then
    echo "Installing ${need[*]}..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    # Debian starts nginx's default site on port 80; the benchmarks run their own.
    (command -v systemctl >/dev/null && systemctl stop nginx) 2>/dev/null || /usr/sbin/nginx -s stop 2>/dev/null || true
  fi
  "$root/scripts/prerequisites"
}

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
site_pid=""

bench_setup() { # a work folder, the Release publish and a private PostgreSQL with an empty database
  work=$(mktemp -d /tmp/comparisonsite-bench.XXXXXX)
  chmod 755 "$work"
  echo "Publishing Release (ReadyToRun)..."
  "$root/scripts/publish" "$work/app" >/dev/null
  echo "Starting a private PostgreSQL..."
  mkdir -p "$work/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$work/pg"
  as_pg "$pgbin/initdb" -D "$work/pg/data" -U bench --auth=trust --no-sync >/dev/null
  pg_port=$(free_port)
  pg_start
  psql -q -h 127.0.0.1 -p "$pg_port" -U bench -d postgres -c 'create database bench' >/dev/null
  export ConnectionStrings__Results="Host=127.0.0.1;Port=$pg_port;Username=bench;Database=bench"
  export ASPNETCORE_ENVIRONMENT=Production Site__Root="$work/app" Serilog__MinimumLevel__Default=Warning
  site_port=$(free_port)
  site_url="http://127.0.0.1:$site_port"
}

pg_start() {
  as_pg "$pgbin/pg_ctl" start -D "$work/pg/data" -l "$work/pg/log" -w \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" >/dev/null
}
pg_stop() { as_pg "$pgbin/pg_ctl" stop -D "$work/pg/data" -m fast -w >/dev/null; }

# The store-sync messages (down once, back once) are what the fault benchmark reads from the log.
start_site() {
  env "Serilog__MinimumLevel__Override__ComparisonSite.Results.Sync=Information" \
    "$work/app/ComparisonSite" --urls "$site_url" >>"$work/site.log" 2>&1 &
  site_pid=$!
}
stop_site() { kill "$site_pid"; wait "$site_pid" 2>/dev/null || true; site_pid=""; }
wait_for() { until curl -fs -o /dev/null "$site_url$1"; do sleep 0.005; done; }

bench_cleanup() {
  [ -n "$site_pid" ] && kill "$site_pid" 2>/dev/null && wait "$site_pid" 2>/dev/null || true
  [ -n "${work:-}" ] && [ -d "$work/pg/data" ] \
    && as_pg "$pgbin/pg_ctl" stop -D "$work/pg/data" -m fast >/dev/null 2>&1 || true
  [ -n "${work:-}" ] && rm -rf "$work"
}
