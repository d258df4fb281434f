from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.indicator_value_entry import IndicatorValueEntry
from ...models.problem import Problem
from ...models.value_input import ValueInput
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    initiative_id: UUID,
    indicator_id: UUID,
    fiscal_year: int,
    *,
    body: ValueInput,
    if_match: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/initiatives/{initiative_id}/indicators/{indicator_id}/values/{fiscal_year}".format(initiative_id=quote(str(initiative_id), safe=""),indicator_id=quote(str(indicator_id), safe=""),fiscal_year=quote(str(fiscal_year), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IndicatorValueEntry | Problem | None:
    if response.status_code == 200:
        response_200 = IndicatorValueEntry.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IndicatorValueEntry | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    initiative_id: UUID,
    indicator_id: UUID,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    body: ValueInput,
    if_match: None | str | Unset = UNSET,

) -> Response[IndicatorValueEntry | Problem]:
    """ Put an indicator's value for a fiscal year

     Target, actual and the cell as printed. The fiscal year must lie in the indicator's validity
    (a revised indicator keeps its old years; the new one starts at its `valid_from_fy`) and in
    the initiative's active range. The value is part of that year's report: it is written while
    the report is `draft` or `returned`, and a draft report is created when there is none.
    Sending the same value again changes nothing. `If-Match` takes the value's ETag.

    Roles: the responsible departments or council; admin.

    Args:
        initiative_id (UUID):
        indicator_id (UUID):
        fiscal_year (int):
        if_match (None | str | Unset):
        body (ValueInput): A value for one fiscal year, replaced whole (`PUT`): a field left out
            is `null`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IndicatorValueEntry | Problem]
     """


    kwargs = _get_kwargs(
        initiative_id=initiative_id,
indicator_id=indicator_id,
fiscal_year=fiscal_year,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    initiative_id: UUID,
    indicator_id: UUID,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    body: ValueInput,
    if_match: None | str | Unset = UNSET,

) -> IndicatorValueEntry | Problem | None:
    """ Put an indicator's value for a fiscal year

     Target, actual and the cell as printed. The fiscal year must lie in the indicator's validity
    (a revised indicator keeps its old years; the new one starts at its `valid_from_fy`) and in
    the initiative's active range. The value is part of that year's report: it is written while
    the report is `draft` or `returned`, and a draft report is created when there is none.
    Sending the same value again changes nothing. `If-Match` takes the value's ETag.

    Roles: the responsible departments or council; admin.

    Args:
        initiative_id (UUID):
        indicator_id (UUID):
        fiscal_year (int):
        if_match (None | str | Unset):
        body (ValueInput): A value for one fiscal year, replaced whole (`PUT`): a field left out
            is `null`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IndicatorValueEntry | Problem
     """


    return sync_detailed(
        initiative_id=initiative_id,
indicator_id=indicator_id,
fiscal_year=fiscal_year,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    initiative_id: UUID,
    indicator_id: UUID,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    body: ValueInput,
    if_match: None | str | Unset = UNSET,

) -> Response[IndicatorValueEntry | Problem]:
    """ Put an indicator's value for a fiscal year

     Target, actual and the cell as printed. The fiscal year must lie in the indicator's validity
    (a revised indicator keeps its old years; the new one starts at its `valid_from_fy`) and in
    the initiative's active range. The value is part of that year's report: it is written while
    the report is `draft` or `returned`, and a draft report is created when there is none.
    Sending the same value again changes nothing. `If-Match` takes the value's ETag.

    Roles: the responsible departments or council; admin.

    Args:
        initiative_id (UUID):
        indicator_id (UUID):
        fiscal_year (int):
        if_match (None | str | Unset):
        body (ValueInput): A value for one fiscal year, replaced whole (`PUT`): a field left out
            is `null`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IndicatorValueEntry | Problem]
     """


    kwargs = _get_kwargs(
        initiative_id=initiative_id,
indicator_id=indicator_id,
fiscal_year=fiscal_year,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    initiative_id: UUID,
    indicator_id: UUID,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    body: ValueInput,
    if_match: None | str | Unset = UNSET,

) -> IndicatorValueEntry | Problem | None:
    """ Put an indicator's value for a fiscal year

     Target, actual and the cell as printed. The fiscal year must lie in the indicator's validity
    (a revised indicator keeps its old years; the new one starts at its `valid_from_fy`) and in
    the initiative's active range. The value is part of that year's report: it is written while
    the report is `draft` or `returned`, and a draft report is created when there is none.
    Sending the same value again changes nothing. `If-Match` takes the value's ETag.

    Roles: the responsible departments or council; admin.

    Args:
        initiative_id (UUID):
        indicator_id (UUID):
        fiscal_year (int):
        if_match (None | str | Unset):
        body (ValueInput): A value for one fiscal year, replaced whole (`PUT`): a field left out
            is `null`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IndicatorValueEntry | Problem
     """


    return (await asyncio_detailed(
        initiative_id=initiative_id,
indicator_id=indicator_id,
fiscal_year=fiscal_year,
client=client,
body=body,
if_match=if_match,

    )).parsed
