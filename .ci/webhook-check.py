"""A portal's receiver, as a city would write it: subscribes to a running demo server's webhooks,
publishes a report, and verifies every delivery with the Standard Webhooks project's own Python
library (an implementation independent of the service's). Exits 1 on any failure.

Usage: webhook-check.py BASE_URL   (the server must allow 127.0.0.0/8 in
SHINCHOKU_WEBHOOK_ALLOWED_NETWORKS)
"""
import http.server
import json
import sys
import threading
import time
import urllib.error
import urllib.request

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

BASE = sys.argv[1].rstrip("/")
received = []


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        received.append((dict((k.lower(), v) for k, v in self.headers.items()), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
port = server.server_address[1]


def call(method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read()
        return json.loads(text) if text else None


token = call("POST", "/api/v1/auth/token", {"login": "admin", "password": "demo-admin-password"})["access_token"]
hook = call(
    "POST",
    "/api/v1/webhooks",
    {"url": f"http://127.0.0.1:{port}/portal/hooks", "events": ["report.published"], "description": "CI portal"},
    token,
)
secret = hook["secret"]

plans = call("GET", "/api/v1/plans?limit=10", token=token)["items"]
plan = next(p for p in plans if not p["quarterly_reports"])


def open_for_writing(i):
    # Other steps write this year's reports too: take one still a draft, or not yet written.
    try:
        return call("GET", f"/api/v1/initiatives/{i['id']}/years/{plan['end_fy']}", token=token)["workflow_state"] == "draft"
    except urllib.error.HTTPError as e:
        return e.code == 404


initiatives = call("GET", f"/api/v1/plans/{plan['id']}/initiatives?limit=500", token=token)["items"]
initiative = next(i for i in initiatives if open_for_writing(i))
year = f"/api/v1/initiatives/{initiative['id']}/years/{plan['end_fy']}"
call("PUT", year, {"result_text": "CI で公開した実績"}, token)
for step in ["submission", "review", "publication"]:
    call("POST", f"{year}/{step}", token=token)
test = call("POST", f"/api/v1/webhooks/{hook['id']}/test", token=token)

deadline = time.time() + 30
while len(received) < 2 and time.time() < deadline:
    time.sleep(0.1)
server.shutdown()
if len(received) != 2:
    sys.exit(f"expected 2 deliveries (report.published, webhook.test), got {len(received)}")

verifier = Webhook(secret)
types = []
for headers, body in received:
    payload = verifier.verify(body, headers)  # raises on a bad signature or an old timestamp
    types.append(payload["type"])
    try:
        verifier.verify(body.replace(b"}", b" }", 1), headers)
        sys.exit("a changed body verified: the check proves nothing")
    except WebhookVerificationError:
        pass
published = next(json.loads(b) for h, b in received if json.loads(b)["type"] == "report.published")
if published["data"]["initiative_id"] != initiative["id"] or published["data"]["fiscal_year"] != plan["end_fy"]:
    sys.exit(f"report.published names another report: {published}")
if test["event_id"] not in [h["webhook-id"] for h, _ in received]:
    sys.exit("the test event's webhook-id did not arrive")
log = call("GET", f"/api/v1/webhooks/{hook['id']}/deliveries", token=token)["items"]
print(
    f"{len(received)} deliveries ({', '.join(sorted(types))}) verified with standardwebhooks; "
    f"delivery log: {[(d['event_type'], d['status'], d['attempts']) for d in log]}"
)
