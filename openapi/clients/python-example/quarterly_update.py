"""What a department's quarterly script does, through the generated Python client.

It signs in once as a department user, issues itself an API token narrowed to its department
(scope ``report:write``), and from then on works with that token only, as a scheduled job
would: it finds the initiatives its department is responsible for and reads their indicators.
When the reporting endpoints exist (quarter updates), this is where the script
PUTs each quarter and reads it back. At the end it revokes its token.

    SHINCHOKU_URL       default http://127.0.0.1:8080
    SHINCHOKU_LOGIN     default fukushi (the demo department user, 社会福祉課)
    SHINCHOKU_PASSWORD  default demo-department-password

Exits non-zero when anything is off, so CI can run it.
"""

import os
import sys

from shinchoku_client import AuthenticatedClient, Client
from shinchoku_client.api.api_tokens import create_api_token, get_api_token, revoke_api_token
from shinchoku_client.api.auth import sign_in
from shinchoku_client.api.indicators import list_indicators
from shinchoku_client.api.initiatives import list_initiatives
from shinchoku_client.api.plans import list_plans
from shinchoku_client.api.users import me
from shinchoku_client.models import ApiTokenInput, LoginInput, Problem, Scope

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

    plans = expect(list_plans.sync(client=script), "listing plans")
    total = 0
    for plan in plans.items:
        mine = expect(
            list_initiatives.sync(plan.id, client=script, department_id=[department.id], limit=500),
            "listing the department's initiatives",
        )
        if not mine.items:
            continue
        print(f"\n{plan.title}")
        for initiative in mine.items:
            indicators = expect(list_indicators.sync(initiative.id, client=script), "listing indicators")
            names = ", ".join(f"{i.name}（{i.unit or '—'}）" for i in indicators.items) or "指標なし"
            print(f"  {initiative.code} {initiative.title}: {names}")
            total += 1
    if total == 0:
        sys.exit(f"{department.name} is responsible for no initiative")
    print(f"\n{department.name}: {total} initiatives to report on")

    # Done: the token is revoked and stops working at once.
    expect_gone = revoke_api_token.sync_detailed(created.id, client=session)
    assert expect_gone.status_code == 204, expect_gone.status_code
    revoked = expect(get_api_token.sync(created.id, client=session), "reading the revoked token")
    assert revoked.revoked_at is not None
    assert me.sync_detailed(client=script).status_code == 401
    print("token revoked")


if __name__ == "__main__":
    main()
