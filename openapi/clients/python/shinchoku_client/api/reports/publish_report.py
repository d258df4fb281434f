from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.annual_report_view import AnnualReportView
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    initiative_id: UUID,
    fiscal_year: int,
    *,
    if_match: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/initiatives/{initiative_id}/years/{fiscal_year}/publication".format(initiative_id=quote(str(initiative_id), safe=""),fiscal_year=quote(str(fiscal_year), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AnnualReportView | Problem | None:
    if response.status_code == 200:
        response_200 = AnnualReportView.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AnnualReportView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    initiative_id: UUID,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,

) -> Response[AnnualReportView | Problem]:
    """ Publish a report

     `reviewed` → `published`: from now on the public portal shows this edition.

    Roles: admin.

    Args:
        initiative_id (UUID):
        fiscal_year (int):
        if_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnnualReportView | Problem]
     """


    kwargs = _get_kwargs(
        initiative_id=initiative_id,
fiscal_year=fiscal_year,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    initiative_id: UUID,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,

) -> AnnualReportView | Problem | None:
    """ Publish a report

     `reviewed` → `published`: from now on the public portal shows this edition.

    Roles: admin.

    Args:
        initiative_id (UUID):
        fiscal_year (int):
        if_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnnualReportView | Problem
     """


    return sync_detailed(
        initiative_id=initiative_id,
fiscal_year=fiscal_year,
client=client,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    initiative_id: UUID,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,

) -> Response[AnnualReportView | Problem]:
    """ Publish a report

     `reviewed` → `published`: from now on the public portal shows this edition.

    Roles: admin.

    Args:
        initiative_id (UUID):
        fiscal_year (int):
        if_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnnualReportView | Problem]
     """


    kwargs = _get_kwargs(
        initiative_id=initiative_id,
fiscal_year=fiscal_year,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    initiative_id: UUID,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,

) -> AnnualReportView | Problem | None:
    """ Publish a report

     `reviewed` → `published`: from now on the public portal shows this edition.

    Roles: admin.

    Args:
        initiative_id (UUID):
        fiscal_year (int):
        if_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnnualReportView | Problem
     """


    return (await asyncio_detailed(
        initiative_id=initiative_id,
fiscal_year=fiscal_year,
client=client,
if_match=if_match,

    )).parsed
