from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.department_summary import DepartmentSummary
from ...models.problem import Problem
from ...models.rating_source import RatingSource
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    department_id: UUID,
    *,
    fiscal_year: int,
    rating: RatingSource | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["fiscal_year"] = fiscal_year

    json_rating: str | Unset = UNSET
    if not isinstance(rating, Unset):
        json_rating = rating.value

    params["rating"] = json_rating


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/departments/{department_id}/summary".format(department_id=quote(str(department_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DepartmentSummary | Problem | None:
    if response.status_code == 200:
        response_200 = DepartmentSummary.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DepartmentSummary | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    department_id: UUID,
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    rating: RatingSource | Unset = UNSET,

) -> Response[DepartmentSummary | Problem]:
    """ Get a department's summary

     The summary's counts over the initiatives the department is responsible for, in every plan
    whose period holds the year, per plan and in total, and its reports not yet submitted with
    their due dates (overdue ones flagged).

    Roles: every signed-in role (contents counted as for the plan summary).

    Args:
        department_id (UUID):
        fiscal_year (int):
        rating (RatingSource | Unset): Whose rating the ratings count.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DepartmentSummary | Problem]
     """


    kwargs = _get_kwargs(
        department_id=department_id,
fiscal_year=fiscal_year,
rating=rating,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    department_id: UUID,
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    rating: RatingSource | Unset = UNSET,

) -> DepartmentSummary | Problem | None:
    """ Get a department's summary

     The summary's counts over the initiatives the department is responsible for, in every plan
    whose period holds the year, per plan and in total, and its reports not yet submitted with
    their due dates (overdue ones flagged).

    Roles: every signed-in role (contents counted as for the plan summary).

    Args:
        department_id (UUID):
        fiscal_year (int):
        rating (RatingSource | Unset): Whose rating the ratings count.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DepartmentSummary | Problem
     """


    return sync_detailed(
        department_id=department_id,
client=client,
fiscal_year=fiscal_year,
rating=rating,

    ).parsed

async def asyncio_detailed(
    department_id: UUID,
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    rating: RatingSource | Unset = UNSET,

) -> Response[DepartmentSummary | Problem]:
    """ Get a department's summary

     The summary's counts over the initiatives the department is responsible for, in every plan
    whose period holds the year, per plan and in total, and its reports not yet submitted with
    their due dates (overdue ones flagged).

    Roles: every signed-in role (contents counted as for the plan summary).

    Args:
        department_id (UUID):
        fiscal_year (int):
        rating (RatingSource | Unset): Whose rating the ratings count.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DepartmentSummary | Problem]
     """


    kwargs = _get_kwargs(
        department_id=department_id,
fiscal_year=fiscal_year,
rating=rating,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    department_id: UUID,
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    rating: RatingSource | Unset = UNSET,

) -> DepartmentSummary | Problem | None:
    """ Get a department's summary

     The summary's counts over the initiatives the department is responsible for, in every plan
    whose period holds the year, per plan and in total, and its reports not yet submitted with
    their due dates (overdue ones flagged).

    Roles: every signed-in role (contents counted as for the plan summary).

    Args:
        department_id (UUID):
        fiscal_year (int):
        rating (RatingSource | Unset): Whose rating the ratings count.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DepartmentSummary | Problem
     """


    return (await asyncio_detailed(
        department_id=department_id,
client=client,
fiscal_year=fiscal_year,
rating=rating,

    )).parsed
