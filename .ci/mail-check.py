"""A department learns by mail that its report was returned: sets the demo department user's
address on a running demo server whose SMTP server is aiosmtpd (a maildir), returns a report of
that department with a reason, and reads the mail with Python's own e-mail parser. Exits 1 on any
failure.

Usage: mail-check.py BASE_URL MAILDIR
"""
import email
import email.policy
import json
import pathlib
import sys
import time
import urllib.error
import urllib.request

BASE, MAILDIR = sys.argv[1].rstrip("/"), pathlib.Path(sys.argv[2])


def call(method, path, body=None, token=None, content_type="application/json"):
    headers = {"Content-Type": content_type}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read()
        return json.loads(text) if text else None


token = call("POST", "/api/v1/auth/token", {"login": "admin", "password": "demo-admin-password"})["access_token"]
clerk = next(u for u in call("GET", "/api/v1/users?role=department", token=token)["items"] if u["login"] == "fukushi")
address = "fukushi@city.example.jp"
call("PATCH", f"/api/v1/users/{clerk['id']}", {"email": address}, token, "application/merge-patch+json")
department = clerk["departments"][0]["id"]

plans = call("GET", "/api/v1/plans?limit=10", token=token)["items"]
plan = next(p for p in plans if not p["quarterly_reports"])
initiatives = call("GET", f"/api/v1/plans/{plan['id']}/initiatives?limit=500", token=token)["items"]
mine = [i for i in initiatives if department in [d["id"] for d in i["departments"]]]


def open_for_writing(i):
    # Other steps may have written this year's reports: take one that is still a draft, or none.
    try:
        return call("GET", f"/api/v1/initiatives/{i['id']}/years/{plan['end_fy']}", token=token)["workflow_state"] == "draft"
    except urllib.error.HTTPError as e:
        return e.code == 404


initiative = next(i for i in mine[1:] if open_for_writing(i))
year = f"/api/v1/initiatives/{initiative['id']}/years/{plan['end_fy']}"
reason = "成果の数値（参加者数）を追記してください"
call("PUT", year, {"result_text": "CI で提出した実績"}, token)
call("POST", f"{year}/submission", token=token)
call("POST", f"{year}/return", {"reason": reason}, token)

deadline, found = time.time() + 30, None
while found is None and time.time() < deadline:
    for path in (MAILDIR / "new").glob("*"):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if address in str(message["To"]) and "差し戻" in str(message["Subject"]):
            found = message
    time.sleep(0.2)
if found is None:
    sys.exit(f"no mail to {address} about the return in {MAILDIR}")
body = found.get_content()
for expected in [reason, initiative["title"], f"/initiatives/{initiative['id']}/years/{plan['end_fy']}"]:
    if expected not in body:
        sys.exit(f"the mail lacks {expected!r}:\n{body}")
print(f"To: {found['To']}\nFrom: {found['From']}\nSubject: {found['Subject']}\n\n{body}")
