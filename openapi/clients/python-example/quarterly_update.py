"""What a department's quarterly script does, through the generated Python client.

It signs in once as a department user, issues itself an API token narrowed to its department
(scope ``report:write``), and from then on works with that token only, as a scheduled job
would: it finds the initiatives its department is responsible for, PUTs this quarter's update
of each (the quarter of today's date, in the plan's last year when the plan period has ended),
PUTs them all a second time to show that nothing changes (same version, same ETag), and
submits one report. At the end it revokes its token.

    SHINCHOKU_URL       default http://127.0.0.1:8080
    SHINCHOKU_LOGIN     default fukushi (the demo department user, 社会福祉課)
    SHINCHOKU_PASSWORD  default demo-department-password

With ``--export FILE`` it also downloads the department's progress sheet (.xlsx or .csv), and with
``--sheet FILE`` it uploads a filled sheet: a dry run first (what would change, or every error
with its row and column), then for real. It also posts the whole quarter once more as one batch
with an Idempotency-Key, and retries it with the same key (answered from the stored response).

Exits non-zero when anything is off, so CI can run it.
"""

import argparse
import datetime
import os
import sys
import uuid

from shinchoku_client import AuthenticatedClient, Client
from shinchoku_client.api.api_tokens import create_api_token, get_api_token, revoke_api_token
from shinchoku_client.api.auth import sign_in
from shinchoku_client.api.indicators import list_indicators
from shinchoku_client.api.initiatives import list_initiatives
from shinchoku_client.api.plans import list_plans
from shinchoku_client.api.reports import (
    get_report,
    list_revisions,
    post_progress_batch,
    put_quarter,
    submit_report,
)
from shinchoku_client.api.users import me
from shinchoku_client.models import (
    ApiTokenInput,
    BatchQuarterInput,
    LoginInput,
    Problem,
    ProgressBatchInput,
    ProgressBatchItem,
    QuarterInput,
    QuarterMark,
    Scope,
    WorkflowState,
)

BASE_URL = os.environ.get("SHINCHOKU_URL", "http://127.0.0.1:8080")
LOGIN = os.environ.get("SHINCHOKU_LOGIN", "fukushi")
PASSWORD = os.environ.get("SHINCHOKU_PASSWORD", "demo-department-password")


def expect(result, what):
    """The parsed body, or stop with the problem the server returned."""
    if result is None or isinstance(result, Problem):
        detail = result.to_dict() if isinstance(result, Problem) else "no response"
        sys.exit(f"{what} failed: {detail}")
    return result


def batch_quarter(script, posted) -> None:
    """The whole quarter in one call, retried with the same Idempotency-Key."""
    plan_id = posted[0][0].plan_id
    fiscal_year, quarter = posted[0][1], posted[0][2]
    items = [
        ProgressBatchItem(
            initiative_id=initiative.id,
            quarters=[BatchQuarterInput(quarter=quarter, plan_text=update.plan_text,
                                        result_text=f"{update.result_text}（一括）", mark=QuarterMark.DONE)],
        )
        for initiative, fy, q, _, update in posted
        if initiative.plan_id == plan_id and fy == fiscal_year and q == quarter
    ]
    body = ProgressBatchInput(fiscal_year=fiscal_year, items=items)
    key = str(uuid.uuid4())
    first = post_progress_batch.sync_detailed(plan_id, client=script, body=body, idempotency_key=key)
    result = expect(first.parsed, "posting the quarter as one batch")
    print(f"batch of {len(items)}: {result.updated} updated, {result.unchanged} unchanged (request {result.request_id})")
    retry = post_progress_batch.sync_detailed(plan_id, client=script, body=body, idempotency_key=key)
    expect(retry.parsed, "retrying the batch")
    assert retry.headers.get("idempotent-replayed") == "true", dict(retry.headers)
    assert retry.content == first.content
    print("retried with the same Idempotency-Key: the stored response, nothing written twice")


def sheet_plan(script, department):
    """The first plan the department has initiatives in, and the fiscal year to work on."""
    today = datetime.date.today()
    this_fy = today.year if today.month >= 4 else today.year - 1
    for plan in expect(list_plans.sync(client=script), "listing plans").items:
        mine = expect(list_initiatives.sync(plan.id, client=script, department_id=[department.id]), "listing")
        if mine.items:
            return plan, min(max(this_fy, plan.start_fy), plan.end_fy)
    sys.exit(f"{department.name} has no initiatives")


def export_sheet(script, department, path) -> None:
    plan, fiscal_year = sheet_plan(script, department)
    kind = "csv" if path.endswith(".csv") else "xlsx"
    response = script.get_httpx_client().get(
        f"/api/v1/plans/{plan.id}/progress-sheet", params={"fiscal_year": fiscal_year, "format": kind}
    )
    if response.status_code != 200:
        sys.exit(f"exporting the sheet failed: {response.text}")
    with open(path, "wb") as f:
        f.write(response.content)
    print(f"{plan.title} {fiscal_year}: sheet written to {path} ({len(response.content)} bytes)")


def upload_sheet(script, department, path) -> None:
    """A filled sheet: dry run first, then for real."""
    plan, fiscal_year = sheet_plan(script, department)
    with open(path, "rb") as f:
        content = f.read()
    kind = "text/csv" if path.endswith(".csv") else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    for dry_run in (True, False):
        response = script.get_httpx_client().post(
            f"/api/v1/plans/{plan.id}/progress-sheet",
            params={"fiscal_year": fiscal_year, "dry_run": str(dry_run).lower()},
            content=content,
            headers={"Content-Type": kind},
        )
        body = response.json()
        if response.status_code != 200:
            for error in body.get("errors", []):
                print(f"  {error['message']}  ({error['field']})")
            sys.exit(f"the sheet was refused: {body['detail']}")
        what = "would change" if dry_run else "changed"
        print(f"{'dry run' if dry_run else 'upload'}: {body['rows']} rows; {what}: "
              f"{body['created']} created, {body['updated']} updated, {body['unchanged']} unchanged")
        for column in body["unknown_columns"]:
            print(f"  unknown column, not read: {column}")
        for column in body["missing_columns"]:
            print(f"  column missing, left as it is: {column}")


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--export", metavar="FILE", help="download the department's progress sheet (.xlsx or .csv)")
    arguments.add_argument("--sheet", metavar="FILE", help="upload a filled progress sheet: dry run, then for real")
    options = arguments.parse_args()
    anonymous = Client(base_url=BASE_URL)
    tokens = expect(sign_in.sync(client=anonymous, body=LoginInput(login=LOGIN, password=PASSWORD)), "sign-in")
    session = AuthenticatedClient(base_url=BASE_URL, token=tokens.access_token)
    whoami = expect(me.sync(client=session), "me")
    departments = whoami.user.departments
    if not departments:
        sys.exit(f"{LOGIN} acts for no department")
    department = departments[0]

    created = expect(
        create_api_token.sync(
            client=session,
            body=ApiTokenInput(name=f"{department.name} 四半期更新", scopes=[Scope.REPORTWRITE], department_ids=[department.id]),
        ),
        "creating the API token",
    )
    print(f"API token {created.token_prefix}… for {department.name} (scopes: {[s.value for s in created.scopes]})")

    # From here on: the token only, as a scheduled job would run.
    script = AuthenticatedClient(base_url=BASE_URL, token=created.token)
    acting = expect(me.sync(client=script), "me with the token")
    assert acting.authenticated_by == "api_token", acting.authenticated_by
    assert [str(d) for d in acting.acting_for_department_ids] == [str(department.id)]

    today = datetime.date.today()
    this_fy = today.year if today.month >= 4 else today.year - 1
    this_quarter = (today.month - 4) % 12 // 3 + 1  # 1 = 4～6月 … 4 = 1～3月

    plans = expect(list_plans.sync(client=script), "listing plans")
    posted = []  # (initiative, fiscal year, quarter, the quarter's ETag as first stored)
    for plan in plans.items:
        mine = expect(
            list_initiatives.sync(plan.id, client=script, department_id=[department.id], limit=500),
            "listing the department's initiatives",
        )
        if not mine.items:
            continue
        fiscal_year = min(max(this_fy, plan.start_fy), plan.end_fy)
        print(f"\n{plan.title}: {fiscal_year}年度 Q{this_quarter}")
        for initiative in mine.items:
            indicators = expect(list_indicators.sync(initiative.id, client=script), "listing indicators")
            names = ", ".join(f"{i.name}（{i.unit or '—'}）" for i in indicators.items) or "指標なし"
            report = get_report.sync(initiative.id, fiscal_year, client=script)
            if isinstance(report, Problem) and report.status != 404:
                sys.exit(f"reading the report failed: {report.to_dict()}")
            if not isinstance(report, Problem) and report.workflow_state not in (WorkflowState.DRAFT, WorkflowState.RETURNED):
                print(f"  {initiative.code or '（番号なし）'} {initiative.title}: {report.workflow_state_label}, skipped")
                continue
            update = QuarterInput(
                plan_text=f"{initiative.title}: 第{this_quarter}四半期の取組",
                result_text=f"指標: {names}",
                mark=QuarterMark.DONE,
            )
            stored = put_quarter.sync_detailed(initiative.id, fiscal_year, this_quarter, client=script, body=update)
            quarter = expect(stored.parsed, "posting the quarter")
            print(f"  {initiative.code or '（番号なし）'} {initiative.title}: {quarter.quarter_label} {quarter.mark_label} (version {quarter.version})")
            posted.append((initiative, fiscal_year, this_quarter, stored.headers["etag"], update))
    if not posted:
        sys.exit(f"{department.name} has no open report to update")

    # The same updates again, as the next scheduled run would post them: nothing changes.
    for initiative, fiscal_year, quarter, etag, update in posted:
        before = expect(get_report.sync(initiative.id, fiscal_year, client=script), "reading the report")
        again = put_quarter.sync_detailed(initiative.id, fiscal_year, quarter, client=script, body=update)
        expect(again.parsed, "posting the quarter again")
        assert again.headers["etag"] == etag, (again.headers["etag"], etag)
        after = expect(get_report.sync(initiative.id, fiscal_year, client=script), "reading the report")
        assert after.version == before.version, (before.version, after.version)
    print(f"\nposted {len(posted)} quarters twice: the second run changed nothing")

    batch_quarter(script, posted)
    if options.export:
        export_sheet(script, department, options.export)
    if options.sheet:
        upload_sheet(script, department, options.sheet)

    # Hand one report in.
    initiative, fiscal_year, *_ = posted[0]
    submitted = expect(submit_report.sync(initiative.id, fiscal_year, client=script), "submitting the report")
    assert submitted.workflow_state == WorkflowState.SUBMITTED, submitted.workflow_state
    history = expect(list_revisions.sync(initiative.id, fiscal_year, client=script), "reading the history")
    print(f"submitted {initiative.title} ({submitted.fiscal_year_label}): "
          f"{' → '.join(r.action for r in history.items)}")

    # Done: the token is revoked and stops working at once.
    expect_gone = revoke_api_token.sync_detailed(created.id, client=session)
    assert expect_gone.status_code == 204, expect_gone.status_code
    revoked = expect(get_api_token.sync(created.id, client=session), "reading the revoked token")
    assert revoked.revoked_at is not None
    assert me.sync_detailed(client=script).status_code == 401
    print("token revoked")


if __name__ == "__main__":
    main()
