#!/usr/bin/env bash
# Regenerates everything derived from the code: the OpenAPI document and both clients.
#   openapi/openapi.json                        ← `shinchoku openapi`
#   openapi/clients/typescript/src/schema.d.ts  ← openapi-typescript
#   openapi/clients/python/                     ← openapi-python-client
# Needs: cargo; node/npm (installs openapi/node_modules from the lock file when missing);
# openapi-python-client for $PYTHON (default python3): `pip install openapi-python-client==0.29.1`.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

cargo run --quiet -- openapi > openapi/openapi.json

[ -d openapi/node_modules ] || (cd openapi && npm ci --no-audit --no-fund --loglevel=error)
(cd openapi && npx --no-install openapi-typescript openapi.json --redocly redocly.yaml \
  -o clients/typescript/src/schema.d.ts --silent)

"$PYTHON" -m openapi_python_client generate --path openapi/openapi.json \
  --output-path openapi/clients/python --config openapi/clients/python-config.yaml \
  --meta setup --overwrite > /dev/null
echo "regenerated openapi/openapi.json and the TypeScript and Python clients"
