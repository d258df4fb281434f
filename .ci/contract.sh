#!/usr/bin/env bash
# The contract, checked with tools nobody here wrote (issue: "The contract in CI"):
#   1. the committed OpenAPI document and both generated clients are what the code generates;
#   2. Redocly lint (recommended ruleset) passes with no error and no warning;
#   3. the TypeScript client type-checks and its portal example runs against a live server;
#   4. the Python client's quarterly-script example runs against a live server;
#   5. Schemathesis (all checks, all phases) finds no failure;
#   6. the docs page renders every operation in headless Chromium (screenshot: target/docs.png);
#   7. the public page loads under its own policy, and axe-core finds no violation on it;
#   8. the committee packet, printed to PDF by LibreOffice, sets no text under 9 pt and cuts none;
#   9. webhook deliveries verify with the Standard Webhooks project's own Python library;
#  10. a returned report's mail reaches aiosmtpd and reads back with Python's e-mail parser.
# Expects the debug binary from `cargo test` (target/debug/shinchoku). Installs Node packages,
# a Python venv (target/ci-venv) and Debian's chromium when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== contract: %s (%ss)\n' "$1" "$SECONDS"; }
BIN=target/debug/shinchoku
[ -x "$BIN" ] || cargo build --quiet
mkdir -p target

step "tools"
# Chromium for the docs page, and a Japanese font so that its screenshot is legible.
if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi ipagothic; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-ipafont-gothic >/dev/null
fi
(cd openapi && npm ci --no-audit --no-fund --loglevel=error)
(cd openapi/clients/typescript && npm ci --no-audit --no-fund --loglevel=error)
VENV=target/ci-venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check schemathesis==4.32.5 openapi-python-client==0.29.1 prometheus-client==0.21.1
export PYTHON="$VENV/bin/python"

step "generated files are up to date"
./openapi/generate.sh 2>/dev/null
generated=(openapi/openapi.json openapi/clients/typescript/src/schema.d.ts openapi/clients/python)
untracked=$(git ls-files --others --exclude-standard -- "${generated[@]}")
if ! git diff --quiet -- "${generated[@]}" || [ -n "$untracked" ]; then
  git diff --stat -- "${generated[@]}"; echo "$untracked"
  echo "Generated files differ from the committed ones: run openapi/generate.sh and commit the result." >&2
  exit 1
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check ./openapi/clients/python

step "generated types: no optional field that the server always sends"
"$PYTHON" openapi/check-required.py

step "Redocly lint"
(cd openapi && npx --no-install redocly lint --config redocly.yaml --format=summary openapi.json) 2>&1 | grep -v '[║╔╚]'
lint=$(cd openapi && npx --no-install redocly lint --config redocly.yaml --format=json openapi.json 2>/dev/null)
echo "$lint" | "$PYTHON" -c 'import json,sys; t=json.load(sys.stdin)["totals"]; print(t); sys.exit(1 if t["errors"] or t["warnings"] else 0)'

# A demo server on a port of its own, with a fresh database; stopped on exit.
servers=()
cleanup() { for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
start_demo() { # name port [metrics port]
  rm -rf "target/ci-$1"
  SHINCHOKU_DATA_DIR="target/ci-$1" SHINCHOKU_BIND="127.0.0.1:$2" SHINCHOKU_METRICS_BIND="${3:+127.0.0.1:$3}" \
    SHINCHOKU_WEBHOOK_ALLOWED_NETWORKS="${WEBHOOK_NETWORKS:-}" SHINCHOKU_SMTP_URL="${SMTP_URL:-}" \
    SHINCHOKU_NOTICE_DELAY_SECONDS=1 SHINCHOKU_FRONTEND_URL=https://shinchoku.city.example.jp \
    RUST_LOG=warn "$BIN" serve --demo \
    > "target/ci-$1.log" 2>&1 &
  servers+=($!)
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$2/readyz" >/dev/null && return 0; sleep 0.2; done
  echo "the $1 server did not become ready:" >&2; cat "target/ci-$1.log" >&2; exit 1
}
sign_in() { # port login password
  curl -sf -H 'Content-Type: application/json' -d "{\"login\":\"$2\",\"password\":\"$3\"}" \
    "http://127.0.0.1:$1/api/v1/auth/token" | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

step "TypeScript client"
# Webhooks may reach this server's receivers on loopback (the webhook step's portal); its mail
# goes to aiosmtpd (from PyPI), which keeps it in a maildir (the mail step reads it).
"$VENV/bin/pip" install --quiet --disable-pip-version-check aiosmtpd==1.4.6 standardwebhooks==1.3.0
rm -rf target/ci-maildir
"$PYTHON" -m aiosmtpd -n -l 127.0.0.1:18195 -c aiosmtpd.handlers.Mailbox target/ci-maildir > target/ci-aiosmtpd.log 2>&1 &
servers+=($!)
WEBHOOK_NETWORKS=127.0.0.0/8 SMTP_URL=smtp://127.0.0.1:18195 start_demo clients 18181 18191
(cd openapi/clients/typescript && npx --no-install tsc --noEmit && npx --no-install tsc \
  && SHINCHOKU_URL=http://127.0.0.1:18181 node dist/portal.js)

step "the public page in Chromium: its own policy, axe-core, screenshots"
# The portal's page of the demo's regional plan: no CSP violation, no axe-core violation on a
# phone's and a desktop's width; screenshots of the page and both charts in target/.
PORTAL_PLAN=$(curl -sf http://127.0.0.1:18181/api/v1/public/plans \
  | "$PYTHON" -c 'import json,sys; print(next(p["id"] for p in json.load(sys.stdin)["items"] if p["latest_published_fiscal_year"]))')
(cd openapi && node check-page.mjs http://127.0.0.1:18181 "$PORTAL_PLAN" "$PWD/../target")

step "the committee packet printed by LibreOffice: text at 9 pt or more, nothing cut"
# Both demo plans' packets, in each layout their shape uses, printed to PDF the way a
# secretariat would print them; .ci/packet-check.py reads every character's size and checks
# that every character of every cell reaches the paper.
if ! command -v soffice >/dev/null || ! fc-list 2>/dev/null | grep -qi carlito; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    libreoffice-calc-nogui fonts-crosextra-carlito fonts-ipafont-gothic >/dev/null
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check pdfplumber==0.11.4
PACKETS=target/packets
rm -rf "$PACKETS" && mkdir -p "$PACKETS"
ADMIN=$(sign_in 18181 admin demo-admin-password)
plan_ids=$(curl -sf -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:18181/api/v1/plans?limit=10" \
  | "$PYTHON" -c 'import json,sys; [print(p["id"], p["end_fy"], "quarterly" if p["quarterly_reports"] else "regional") for p in json.load(sys.stdin)["items"]]')
while read -r id end kind; do
  # The demo's latest year with reports: FY2022 for the regional plan, FY2021 for the quarterly one.
  fy=$([ "$kind" = quarterly ] && echo 2021 || echo 2022)
  layouts=$([ "$kind" = quarterly ] && echo "quarterly node_table" || echo "node_table per_initiative")
  for layout in $layouts; do
    curl -sf -H "Authorization: Bearer $ADMIN" -o "$PACKETS/$kind-$layout.xlsx" \
      "http://127.0.0.1:18181/api/v1/plans/$id/progress-report?fiscal_year=$fy&format=xlsx&layout=$layout"
  done
done <<< "$plan_ids"
(cd "$PACKETS" && timeout 300 soffice --headless --convert-to pdf ./*.xlsx >/dev/null 2>&1)
for xlsx in "$PACKETS"/*.xlsx; do
  "$PYTHON" .ci/packet-check.py "$xlsx" "${xlsx%.xlsx}.pdf"
done

step "Python client"
# With the department's progress sheet downloaded as a workbook and uploaded back (dry run, then for real).
SHINCHOKU_URL=http://127.0.0.1:18181 "$PYTHON" openapi/clients/python-example/quarterly_update.py \
  --export target/department-sheet.xlsx --sheet target/department-sheet.xlsx

step "webhooks, verified by the Standard Webhooks project's own library"
# A portal's receiver on loopback subscribes, a report is published, and every delivery's
# signature is checked with `standardwebhooks` from PyPI (not the service's code).
"$PYTHON" .ci/webhook-check.py http://127.0.0.1:18181

step "mail, received by aiosmtpd and read by Python's own e-mail parser"
"$PYTHON" .ci/mail-check.py http://127.0.0.1:18181 target/ci-maildir

step "metrics, read by the Prometheus project's own parser"
curl -sf http://127.0.0.1:18191/metrics | "$PYTHON" -c '
import sys
from prometheus_client.parser import text_string_to_metric_families
families = {f.name: f for f in text_string_to_metric_families(sys.stdin.read())}
routes = {s.labels["route"] for s in families["shinchoku_http_requests"].samples}
assert "/api/v1/public/plans/{plan_id}/summary" in routes, routes
assert families["shinchoku_http_request_duration_seconds"].type == "histogram"
for name in ["shinchoku_http_requests_in_flight", "shinchoku_db_pool_connections", "shinchoku_db_pool_wait_seconds",
             "shinchoku_summary_cache_hits", "shinchoku_sign_in_failures", "shinchoku_build_info"]:
    assert name in families, name
print(len(families), "metric families;", len(routes), "routes")'

step "Schemathesis"
start_demo schemathesis 18182
TOKEN=$(sign_in 18182 admin demo-admin-password)
get() { curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:18182$1"; }
first_id() { "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])'; }
# Real ids of the demo data.
ST_PLAN_ID=$(get "/api/v1/plans?limit=1" | first_id)
ST_NODE_ID=$(get "/api/v1/plans/$ST_PLAN_ID/nodes?level=3&limit=1" | first_id)
ST_INITIATIVE_ID=$(get "/api/v1/plans/$ST_PLAN_ID/initiatives?limit=1" | first_id)
ST_INDICATOR_ID=$(get "/api/v1/initiatives/$ST_INITIATIVE_ID/indicators?limit=1" | first_id)
ST_DEPARTMENT_ID=$(get "/api/v1/departments?kind=city_department&limit=1" | first_id)
ST_USER_ID=$(get "/api/v1/users?role=committee&limit=1" | first_id)
# Two runs. The first gets real ids for reads, patches and puts (reads of FY2022, which the demo
# has; puts to FY2024, which it leaves open; every path parameter fixed, as Schemathesis cannot
# make a request invalid through a fixed one) (otherwise nearly every operation under
# a plan or an initiative meets random ids only and answers 404); deletions keep random ids so the
# demo plan survives. The second runs every phase without fixed ids: its stateful phase follows
# links inferred from the Location headers of creations it saw, which fixed ids would override.
with_ids=target/schemathesis-with-ids.toml
cat openapi/schemathesis.toml - > "$with_ids" <<TOML

[[operations]]
include-method = ["GET", "PATCH"]
parameters = { plan_id = "$ST_PLAN_ID", node_id = "$ST_NODE_ID", initiative_id = "$ST_INITIATIVE_ID", indicator_id = "$ST_INDICATOR_ID", department_id = "$ST_DEPARTMENT_ID", user_id = "$ST_USER_ID", fiscal_year = 2022, revision = 1 }

[[operations]]
include-method = ["PUT"]
parameters = { plan_id = "$ST_PLAN_ID", initiative_id = "$ST_INITIATIVE_ID", indicator_id = "$ST_INDICATOR_ID", fiscal_year = 2024, quarter = 3 }
TOML
st_run() { # port config phases
  "$VENV/bin/st" --config-file "$2" run "http://127.0.0.1:$1/api/v1/openapi.json" --url "http://127.0.0.1:$1" --phases "$3" \
    --checks all --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-25}" --seed "${SCHEMATHESIS_SEED:-20261121}" \
    --header "Authorization: Bearer $TOKEN" --report junit --report-dir target/schemathesis --no-color
  # A run that locked itself out would pass on 401s alone: its credentials must still work.
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$1/api/v1/me" \
    || { echo "Schemathesis lost its credentials during the run: its results are not meaningful" >&2; exit 1; }
}
st_run 18182 "$with_ids" examples,coverage,fuzzing
# A fresh server for the second run: the first one changes users, plans and departments at will.
start_demo schemathesis-stateful 18183
TOKEN=$(sign_in 18183 admin demo-admin-password)
st_run 18183 openapi/schemathesis.toml examples,coverage,fuzzing,stateful

step "docs page in Chromium"
# Swagger UI renders the paths' operations and the webhooks' (what the service sends).
operations=$("$PYTHON" -c 'import json; d=json.load(open("openapi/openapi.json")); print(sum(len(v) for k in ("paths", "webhooks") for v in d.get(k, {}).values()))')
profile=$(mktemp -d)
chrome=(chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run
  --disable-component-update --disable-sync --disable-quic --user-data-dir="$profile" --virtual-time-budget=20000)
dom=$("${chrome[@]}" --dump-dom http://127.0.0.1:18181/docs/ 2>/dev/null)
rendered=$(printf '%s' "$dom" | grep -o 'class="opblock opblock-' | wc -l)
"${chrome[@]}" --window-size=1280,2400 --screenshot="$PWD/target/docs.png" http://127.0.0.1:18181/docs/ 2>/dev/null || true
rm -rf "$profile"
echo "operations in the document: $operations; rendered on /docs/: $rendered; screenshot: target/docs.png"
[ "$rendered" -eq "$operations" ]

step "contract checks passed"
