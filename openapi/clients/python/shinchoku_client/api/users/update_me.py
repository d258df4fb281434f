from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.me import Me
from ...models.me_patch import MePatch
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: MePatch,
    if_match: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/me",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/merge-patch+json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Me | Problem | None:
    if response.status_code == 200:
        response_200 = Me.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Me | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MePatch,
    if_match: None | str | Unset = UNSET,

) -> Response[Me | Problem]:
    """ Change my settings

     JSON merge patch of the caller's own settings: `email_reminders` turns the daily reminder mail
    of reports due on or off. The address itself is the secretariat's to set.

    Roles: every signed-in role (not an API token: a script does not speak for its owner here).

    Args:
        if_match (None | str | Unset):
        body (MePatch): What a user changes of their own account (JSON merge patch).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Me | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: MePatch,
    if_match: None | str | Unset = UNSET,

) -> Me | Problem | None:
    """ Change my settings

     JSON merge patch of the caller's own settings: `email_reminders` turns the daily reminder mail
    of reports due on or off. The address itself is the secretariat's to set.

    Roles: every signed-in role (not an API token: a script does not speak for its owner here).

    Args:
        if_match (None | str | Unset):
        body (MePatch): What a user changes of their own account (JSON merge patch).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Me | Problem
     """


    return sync_detailed(
        client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MePatch,
    if_match: None | str | Unset = UNSET,

) -> Response[Me | Problem]:
    """ Change my settings

     JSON merge patch of the caller's own settings: `email_reminders` turns the daily reminder mail
    of reports due on or off. The address itself is the secretariat's to set.

    Roles: every signed-in role (not an API token: a script does not speak for its owner here).

    Args:
        if_match (None | str | Unset):
        body (MePatch): What a user changes of their own account (JSON merge patch).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Me | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MePatch,
    if_match: None | str | Unset = UNSET,

) -> Me | Problem | None:
    """ Change my settings

     JSON merge patch of the caller's own settings: `email_reminders` turns the daily reminder mail
    of reports due on or off. The address itself is the secretariat's to set.

    Roles: every signed-in role (not an API token: a script does not speak for its owner here).

    Args:
        if_match (None | str | Unset):
        body (MePatch): What a user changes of their own account (JSON merge patch).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Me | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
if_match=if_match,

    )).parsed
