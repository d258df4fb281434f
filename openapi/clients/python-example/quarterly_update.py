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

Exits non-zero when anything is off, so CI can run it.
"""

import datetime
import os
import sys

from shinchoku_client import AuthenticatedClient, Client
from shinchoku_client.api.api_tokens import create_api_token, get_api_token, revoke_api_token
from shinchoku_client.api.auth import sign_in
from shinchoku_client.api.indicators import list_indicators
from shinchoku_client.api.initiatives import list_initiatives
from shinchoku_client.api.plans import list_plans
from shinchoku_client.api.reports import get_report, list_revisions, put_quarter, submit_report
from shinchoku_client.api.users import me
from shinchoku_client.models import ApiTokenInput, LoginInput, Problem, QuarterInput, QuarterMark, Scope, WorkflowState

BASE_URL = os.environ.get("SHINCHOKU_URL", "http://127.0.0.1:8080")
LOGIN = os.environ.get("SHINCHOKU_LOGIN", "fukushi")
PASSWORD = os.environ.get("SHINCHOKU_PASSWORD", "demo-department-password")


def expect(result, what):
    """The parsed body, or stop with the problem the server returned."""
    if result is None or isinstance(result, Problem):
        detail = result.to_dict() if isinstance(result, Problem) else "no response"
        sys.exit(f"{what} failed: {detail}")
    return result


def main() -> None:
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
