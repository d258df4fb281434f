from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_reports_department_id_item_type_1 import ListReportsDepartmentIdItemType1
from ...models.problem import Problem
from ...models.progress_status import ProgressStatus
from ...models.report_list import ReportList
from ...models.workflow_state import WorkflowState
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    plan_id: UUID,
    *,
    fiscal_year: int | Unset = UNSET,
    state: list[WorkflowState] | Unset = UNSET,
    department_id: list[ListReportsDepartmentIdItemType1 | UUID] | Unset = UNSET,
    progress_status: list[ProgressStatus] | Unset = UNSET,
    rating: list[str] | Unset = UNSET,
    committee_rating: list[str] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["fiscal_year"] = fiscal_year

    json_state: list[str] | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = []
        for state_item_data in state:
            state_item = state_item_data.value
            json_state.append(state_item)


    params["state"] = json_state

    json_department_id: list[str] | Unset = UNSET
    if not isinstance(department_id, Unset):
        json_department_id = []
        for department_id_item_data in department_id:
            department_id_item: str
            if isinstance(department_id_item_data, UUID):
                department_id_item = str(department_id_item_data)
            else:
                department_id_item = department_id_item_data.value

            json_department_id.append(department_id_item)


    params["department_id"] = json_department_id

    json_progress_status: list[str] | Unset = UNSET
    if not isinstance(progress_status, Unset):
        json_progress_status = []
        for progress_status_item_data in progress_status:
            progress_status_item = progress_status_item_data.value
            json_progress_status.append(progress_status_item)


    params["progress_status"] = json_progress_status

    json_rating: list[str] | Unset = UNSET
    if not isinstance(rating, Unset):
        json_rating = rating


    params["rating"] = json_rating

    json_committee_rating: list[str] | Unset = UNSET
    if not isinstance(committee_rating, Unset):
        json_committee_rating = committee_rating


    params["committee_rating"] = json_committee_rating

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/plans/{plan_id}/reports".format(plan_id=quote(str(plan_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReportList | None:
    if response.status_code == 200:
        response_200 = ReportList.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())



        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ReportList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    fiscal_year: int | Unset = UNSET,
    state: list[WorkflowState] | Unset = UNSET,
    department_id: list[ListReportsDepartmentIdItemType1 | UUID] | Unset = UNSET,
    progress_status: list[ProgressStatus] | Unset = UNSET,
    rating: list[str] | Unset = UNSET,
    committee_rating: list[str] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,

) -> Response[Problem | ReportList]:
    """ List a plan's reports

     Filtered by fiscal year, state, department (`mine`), progress status and ratings, ordered by
    fiscal year and then by the initiative's code: a department finds its open reports
    (`?department_id=mine&state=draft,returned`), the committee its queue (`?state=submitted`).
    The committee and other departments see reports once handed in; while a correction is being
    prepared, the published edition is listed as it was published. Filters apply to what the
    caller is shown: the published edition's state, progress and ratings, not the correction's.

    Roles: every signed-in role.

    Args:
        plan_id (UUID):
        fiscal_year (int | Unset):
        state (list[WorkflowState] | Unset):
        department_id (list[ListReportsDepartmentIdItemType1 | UUID] | Unset):
        progress_status (list[ProgressStatus] | Unset):
        rating (list[str] | Unset):
        committee_rating (list[str] | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportList]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
fiscal_year=fiscal_year,
state=state,
department_id=department_id,
progress_status=progress_status,
rating=rating,
committee_rating=committee_rating,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    fiscal_year: int | Unset = UNSET,
    state: list[WorkflowState] | Unset = UNSET,
    department_id: list[ListReportsDepartmentIdItemType1 | UUID] | Unset = UNSET,
    progress_status: list[ProgressStatus] | Unset = UNSET,
    rating: list[str] | Unset = UNSET,
    committee_rating: list[str] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,

) -> Problem | ReportList | None:
    """ List a plan's reports

     Filtered by fiscal year, state, department (`mine`), progress status and ratings, ordered by
    fiscal year and then by the initiative's code: a department finds its open reports
    (`?department_id=mine&state=draft,returned`), the committee its queue (`?state=submitted`).
    The committee and other departments see reports once handed in; while a correction is being
    prepared, the published edition is listed as it was published. Filters apply to what the
    caller is shown: the published edition's state, progress and ratings, not the correction's.

    Roles: every signed-in role.

    Args:
        plan_id (UUID):
        fiscal_year (int | Unset):
        state (list[WorkflowState] | Unset):
        department_id (list[ListReportsDepartmentIdItemType1 | UUID] | Unset):
        progress_status (list[ProgressStatus] | Unset):
        rating (list[str] | Unset):
        committee_rating (list[str] | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportList
     """


    return sync_detailed(
        plan_id=plan_id,
client=client,
fiscal_year=fiscal_year,
state=state,
department_id=department_id,
progress_status=progress_status,
rating=rating,
committee_rating=committee_rating,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    fiscal_year: int | Unset = UNSET,
    state: list[WorkflowState] | Unset = UNSET,
    department_id: list[ListReportsDepartmentIdItemType1 | UUID] | Unset = UNSET,
    progress_status: list[ProgressStatus] | Unset = UNSET,
    rating: list[str] | Unset = UNSET,
    committee_rating: list[str] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,

) -> Response[Problem | ReportList]:
    """ List a plan's reports

     Filtered by fiscal year, state, department (`mine`), progress status and ratings, ordered by
    fiscal year and then by the initiative's code: a department finds its open reports
    (`?department_id=mine&state=draft,returned`), the committee its queue (`?state=submitted`).
    The committee and other departments see reports once handed in; while a correction is being
    prepared, the published edition is listed as it was published. Filters apply to what the
    caller is shown: the published edition's state, progress and ratings, not the correction's.

    Roles: every signed-in role.

    Args:
        plan_id (UUID):
        fiscal_year (int | Unset):
        state (list[WorkflowState] | Unset):
        department_id (list[ListReportsDepartmentIdItemType1 | UUID] | Unset):
        progress_status (list[ProgressStatus] | Unset):
        rating (list[str] | Unset):
        committee_rating (list[str] | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportList]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
fiscal_year=fiscal_year,
state=state,
department_id=department_id,
progress_status=progress_status,
rating=rating,
committee_rating=committee_rating,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    fiscal_year: int | Unset = UNSET,
    state: list[WorkflowState] | Unset = UNSET,
    department_id: list[ListReportsDepartmentIdItemType1 | UUID] | Unset = UNSET,
    progress_status: list[ProgressStatus] | Unset = UNSET,
    rating: list[str] | Unset = UNSET,
    committee_rating: list[str] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,

) -> Problem | ReportList | None:
    """ List a plan's reports

     Filtered by fiscal year, state, department (`mine`), progress status and ratings, ordered by
    fiscal year and then by the initiative's code: a department finds its open reports
    (`?department_id=mine&state=draft,returned`), the committee its queue (`?state=submitted`).
    The committee and other departments see reports once handed in; while a correction is being
    prepared, the published edition is listed as it was published. Filters apply to what the
    caller is shown: the published edition's state, progress and ratings, not the correction's.

    Roles: every signed-in role.

    Args:
        plan_id (UUID):
        fiscal_year (int | Unset):
        state (list[WorkflowState] | Unset):
        department_id (list[ListReportsDepartmentIdItemType1 | UUID] | Unset):
        progress_status (list[ProgressStatus] | Unset):
        rating (list[str] | Unset):
        committee_rating (list[str] | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportList
     """


    return (await asyncio_detailed(
        plan_id=plan_id,
client=client,
fiscal_year=fiscal_year,
state=state,
department_id=department_id,
progress_status=progress_status,
rating=rating,
committee_rating=committee_rating,
limit=limit,
cursor=cursor,

    )).parsed
