"""Fails when a generated TypeScript type makes a client test for a field the server always sends.

Every property of a response schema is sent on every response (absent values as null), so the
type openapi-typescript generates for it must have no optional (`name?:`) property. Request
schemas (those that refuse unknown fields) and bundle parts keep their optional fields.
"""
import json
import re
import sys

document = json.load(open("openapi/openapi.json"))
schemas = document["components"]["schemas"]
outputs = sorted(
    name
    for name, schema in schemas.items()
    if schema.get("additionalProperties") is not False and "properties" in schema and not name.startswith("Bundle")
)
types = open("openapi/clients/typescript/src/schema.d.ts").read()
components = types[types.index("export interface components") :]
problems = []
for name in outputs:
    match = re.search(r"\n        %s: \{\n(.*?)\n        \};" % re.escape(name), components, re.S)
    if not match:
        problems.append(f"{name}: no generated type")
        continue
    for line in match.group(1).splitlines():
        optional = re.match(r"            (\w+)\?:", line)
        if optional:
            problems.append(f"{name}.{optional.group(1)} is optional in the generated type, but always sent")
print(f"{len(outputs)} response types checked")
if problems:
    print("\n".join(problems))
    sys.exit(1)
