from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.indicator_value_list import IndicatorValueList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    initiative_id: UUID,
    indicator_id: UUID,
    *,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/initiatives/{initiative_id}/indicators/{indicator_id}/values".format(initiative_id=quote(str(initiative_id), safe=""),indicator_id=quote(str(indicator_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> IndicatorValueList | Problem | None:
    if response.status_code == 200:
        response_200 = IndicatorValueList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[IndicatorValueList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    initiative_id: UUID,
    indicator_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,

) -> Response[IndicatorValueList | Problem]:
    """ List an indicator's values

     Every fiscal year's target and actual, oldest first, with achievement. The committee and
    other departments see the years whose report has been handed in (and while a correction is
    prepared, the value as published, with its version and time then; a value first written in
    the correction is not listed).

    Roles: every signed-in role.

    Args:
        initiative_id (UUID):
        indicator_id (UUID):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IndicatorValueList | Problem]
     """


    kwargs = _get_kwargs(
        initiative_id=initiative_id,
indicator_id=indicator_id,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    initiative_id: UUID,
    indicator_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,

) -> IndicatorValueList | Problem | None:
    """ List an indicator's values

     Every fiscal year's target and actual, oldest first, with achievement. The committee and
    other departments see the years whose report has been handed in (and while a correction is
    prepared, the value as published, with its version and time then; a value first written in
    the correction is not listed).

    Roles: every signed-in role.

    Args:
        initiative_id (UUID):
        indicator_id (UUID):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IndicatorValueList | Problem
     """


    return sync_detailed(
        initiative_id=initiative_id,
indicator_id=indicator_id,
client=client,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    initiative_id: UUID,
    indicator_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,

) -> Response[IndicatorValueList | Problem]:
    """ List an indicator's values

     Every fiscal year's target and actual, oldest first, with achievement. The committee and
    other departments see the years whose report has been handed in (and while a correction is
    prepared, the value as published, with its version and time then; a value first written in
    the correction is not listed).

    Roles: every signed-in role.

    Args:
        initiative_id (UUID):
        indicator_id (UUID):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IndicatorValueList | Problem]
     """


    kwargs = _get_kwargs(
        initiative_id=initiative_id,
indicator_id=indicator_id,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    initiative_id: UUID,
    indicator_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,

) -> IndicatorValueList | Problem | None:
    """ List an indicator's values

     Every fiscal year's target and actual, oldest first, with achievement. The committee and
    other departments see the years whose report has been handed in (and while a correction is
    prepared, the value as published, with its version and time then; a value first written in
    the correction is not listed).

    Roles: every signed-in role.

    Args:
        initiative_id (UUID):
        indicator_id (UUID):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IndicatorValueList | Problem
     """


    return (await asyncio_detailed(
        initiative_id=initiative_id,
indicator_id=indicator_id,
client=client,
limit=limit,
cursor=cursor,

    )).parsed
