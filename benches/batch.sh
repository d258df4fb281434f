#!/usr/bin/env bash
# Figures, not a test: one progress batch of N quarter updates (default 10,000 items, one
# quarter each), on SQLite and on PostgreSQL, through the release server. Prints the seconds of
# a dry run, the write (every report created), a second write (every quarter updated) and a
# replay with the same Idempotency-Key, and the server's peak RSS (VmHWM); then the latency of a
# single `PUT` of a quarter (p50, p90 of 200 in a row) and of one `PUT` sent while a batch writes
# the same plan (its status and seconds: it waits for the batch, at most about its write time);
# then four 32 MiB bodies sent at once: the peak RSS growth and /healthz's latency meanwhile.
#   BENCH_ITEMS (10000)  BENCH_PG_URL (postgres://postgres@127.0.0.1:5432; `none` skips PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS=${BENCH_ITEMS:-10000}
PG=${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432}
cargo build --release --quiet
BIN=target/release/shinchoku
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

run() {
  local name=$1 url=$2 port=$3
  export DATABASE_URL=$url SHINCHOKU_DATA_DIR=$WORK SHINCHOKU_BIND=127.0.0.1:$port \
    SHINCHOKU_JWT_SECRET=bench-secret-bench-secret-bench-secret-0123 \
    SHINCHOKU_BOOTSTRAP_ADMIN_LOGIN=bench SHINCHOKU_BOOTSTRAP_ADMIN_PASSWORD=bench-password-1234 \
    SHINCHOKU_MAX_BUNDLE_BYTES=67108864 SHINCHOKU_LOG=warn
  "$BIN" migrate > /dev/null
  # The plan's FY2023 has reports; the batch writes FY2024, where it has none.
  local plan
  plan=$("$BIN" synth --initiatives "$ITEMS" --years 1 --last-fy 2023 | python3 -c 'import json,sys; print(json.load(sys.stdin)["plan_id"])')
  "$BIN" serve > "$WORK/$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.1; done
  python3 - "$name" "$port" "$plan" "$ITEMS" "$pid" <<'EOF'
import json, sys, time, urllib.request, uuid
name, port, plan, items, pid = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
base = f"http://127.0.0.1:{port}/api/v1"
def call(method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read())
token = call("POST", "/auth/token", {"login": "bench", "password": "bench-password-1234"})["access_token"]
auth = {"Authorization": f"Bearer {token}"}
call("PATCH", f"/plans/{plan}", {"end_fy": 2024}, {**auth, "Content-Type": "application/merge-patch+json"})
initiatives, ids, cursor = [], [], None
while True:
    page = call("GET", f"/plans/{plan}/initiatives?limit=500" + (f"&cursor={cursor}" if cursor else ""), headers=auth)
    initiatives += [i["key"] for i in page["items"]]
    ids += [i["id"] for i in page["items"]]
    cursor = page["next_cursor"]
    if not cursor:
        break
def batch(mark, dry_run=False):
    return {"fiscal_year": 2024, "dry_run": dry_run, "items": [
        {"initiative_code": key, "quarters": [{"quarter": 1, "plan_text": "計画", "result_text": f"実績 {mark}", "mark": "done"}]}
        for key in initiatives[:items]]}
def rss():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1]) / 1024
key = str(uuid.uuid4())
figures = []
for label, body, headers in [("dry run", batch(1, True), {}), ("write (create)", batch(1), {"Idempotency-Key": key}),
                             ("replay (same key)", batch(1), {"Idempotency-Key": key}), ("write (update)", batch(2), {})]:
    size = len(json.dumps(body).encode())
    started = time.monotonic()
    result = call("POST", f"/plans/{plan}/progress-batches", body, {**auth, **headers})
    seconds = time.monotonic() - started
    figures.append((label, seconds, result["created"], result["updated"], result["unchanged"], size))
print(f"\n{name}: {items} items (one quarter each)")
print(f"{'request':<20}{'seconds':>9}{'created':>9}{'updated':>9}{'unchanged':>10}{'body MB':>9}")
for label, seconds, c, u, n, size in figures:
    print(f"{label:<20}{seconds:>9.2f}{c:>9}{u:>9}{n:>10}{size / 1e6:>9.2f}")
print(f"server peak RSS: {rss():.0f} MiB")
import threading, urllib.error
def put_quarter(initiative, quarter, text):
    started = time.monotonic()
    try:
        call("PUT", f"/initiatives/{initiative}/years/2024/quarters/{quarter}",
             {"plan_text": "計画", "result_text": text, "mark": "done"}, auth)
        status = 200
    except urllib.error.HTTPError as e:
        status = e.code
    return status, time.monotonic() - started
latencies = sorted(put_quarter(ids[n % len(ids)], 2, f"単独 {n}")[1] * 1000 for n in range(200))
print(f"single PUT (quarter), 200 in a row: p50 {latencies[100]:.2f} ms, p90 {latencies[180]:.2f} ms")
during = {}
def background():
    started = time.monotonic()
    call("POST", f"/plans/{plan}/progress-batches", batch(3), auth)
    during["batch"] = time.monotonic() - started
worker = threading.Thread(target=background)
worker.start()
time.sleep(0.3)
status, seconds = put_quarter(ids[-1], 3, "バッチ中")
worker.join()
print(f"PUT during a batch ({during['batch']:.2f} s): {status} after {seconds:.2f} s")
# Four 32 MiB bodies at once (10,000 items of 90 values; refused, as every item names one
# initiative): the server's peak RSS growth, and /healthz answering meanwhile.
value = '{"indicator":"指標","actual":1.5}'
item = '{"initiative_code":"%s","indicator_values":[%s]}' % (initiatives[0], ",".join([value] * 90))
large = ('{"fiscal_year":2024,"items":[%s]}' % ",".join([item] * 10000)).encode()
open(f"/proc/{pid}/clear_refs", "w").write("5")
def status_kib(field):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(field):
            return int(line.split()[1])
base_rss = status_kib("VmRSS")
def post_large():
    request = urllib.request.Request(f"{base}/plans/{plan}/progress-batches", data=large, method="POST",
                                     headers={"Content-Type": "application/json", **auth})
    try:
        urllib.request.urlopen(request, timeout=600).read()
    except urllib.error.HTTPError as e:
        e.read()
senders = [threading.Thread(target=post_large) for _ in range(4)]
for t in senders:
    t.start()
health = []
while any(t.is_alive() for t in senders):
    started = time.monotonic()
    urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=60).read()
    health.append((time.monotonic() - started) * 1000)
    time.sleep(0.005)
for t in senders:
    t.join()
health.sort()
growth = (status_kib("VmHWM") - base_rss) / 1024
print(f"4 bodies of {len(large) / 1048576:.1f} MiB at once: peak RSS +{growth:.0f} MiB "
      f"({growth / 4 / (len(large) / 1048576):.2f}x each); /healthz p50 {health[len(health) // 2]:.1f} ms, "
      f"p99 {health[min(len(health) - 1, len(health) * 99 // 100)]:.1f} ms ({len(health)} requests)")
EOF
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

run sqlite "$WORK/bench.sqlite3" 18291
if [ "$PG" != none ]; then
  db=shinchoku_bench_batch
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" > /dev/null
  run postgresql "$PG/$db" 18292
  psql "$PG/postgres" -qc "DROP DATABASE $db" > /dev/null
fi
