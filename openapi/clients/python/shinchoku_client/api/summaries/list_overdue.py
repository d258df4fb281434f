from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.overdue_list import OverdueList
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    plan_id: UUID,
    *,
    fiscal_year: int,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["fiscal_year"] = fiscal_year


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/plans/{plan_id}/overdue".format(plan_id=quote(str(plan_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OverdueList | Problem | None:
    if response.status_code == 200:
        response_200 = OverdueList.from_dict(response.json())



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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OverdueList | Problem]:
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
    fiscal_year: int,

) -> Response[OverdueList | Problem]:
    """ List a plan's overdue reports

     Every report of the year not handed in by its due date (the plan's `report_due_days` after
    the FY ends), and for quarterly plans every quarter without a mark past its due date, with the
    responsible departments: whom the secretariat reminds.

    Roles: admin.

    Args:
        plan_id (UUID):
        fiscal_year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OverdueList | Problem]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
fiscal_year=fiscal_year,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    fiscal_year: int,

) -> OverdueList | Problem | None:
    """ List a plan's overdue reports

     Every report of the year not handed in by its due date (the plan's `report_due_days` after
    the FY ends), and for quarterly plans every quarter without a mark past its due date, with the
    responsible departments: whom the secretariat reminds.

    Roles: admin.

    Args:
        plan_id (UUID):
        fiscal_year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OverdueList | Problem
     """


    return sync_detailed(
        plan_id=plan_id,
client=client,
fiscal_year=fiscal_year,

    ).parsed

async def asyncio_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    fiscal_year: int,

) -> Response[OverdueList | Problem]:
    """ List a plan's overdue reports

     Every report of the year not handed in by its due date (the plan's `report_due_days` after
    the FY ends), and for quarterly plans every quarter without a mark past its due date, with the
    responsible departments: whom the secretariat reminds.

    Roles: admin.

    Args:
        plan_id (UUID):
        fiscal_year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OverdueList | Problem]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
fiscal_year=fiscal_year,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    fiscal_year: int,

) -> OverdueList | Problem | None:
    """ List a plan's overdue reports

     Every report of the year not handed in by its due date (the plan's `report_due_days` after
    the FY ends), and for quarterly plans every quarter without a mark past its due date, with the
    responsible departments: whom the secretariat reminds.

    Roles: admin.

    Args:
        plan_id (UUID):
        fiscal_year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OverdueList | Problem
     """


    return (await asyncio_detailed(
        plan_id=plan_id,
client=client,
fiscal_year=fiscal_year,

    )).parsed
