from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.comment_input import CommentInput
from ...models.comment_view import CommentView
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    initiative_id: UUID,
    fiscal_year: int,
    *,
    body: CommentInput,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/initiatives/{initiative_id}/years/{fiscal_year}/comments".format(initiative_id=quote(str(initiative_id), safe=""),fiscal_year=quote(str(fiscal_year), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CommentView | Problem | None:
    if response.status_code == 201:
        response_201 = CommentView.from_dict(response.json())



        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CommentView | Problem]:
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
    body: CommentInput,

) -> Response[CommentView | Problem]:
    """ Comment on a report

     The committee (or the secretariat) comments on a `submitted` or `reviewed` report; the
    reporting department replies (with `in_reply_to`), also while the report is `returned`.
    Comments are never edited or deleted, and never public.

    Roles: committee, admin; the responsible departments or council for replies.

    Args:
        initiative_id (UUID):
        fiscal_year (int):
        body (CommentInput): A new comment, or a reply to one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommentView | Problem]
     """


    kwargs = _get_kwargs(
        initiative_id=initiative_id,
fiscal_year=fiscal_year,
body=body,

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
    body: CommentInput,

) -> CommentView | Problem | None:
    """ Comment on a report

     The committee (or the secretariat) comments on a `submitted` or `reviewed` report; the
    reporting department replies (with `in_reply_to`), also while the report is `returned`.
    Comments are never edited or deleted, and never public.

    Roles: committee, admin; the responsible departments or council for replies.

    Args:
        initiative_id (UUID):
        fiscal_year (int):
        body (CommentInput): A new comment, or a reply to one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommentView | Problem
     """


    return sync_detailed(
        initiative_id=initiative_id,
fiscal_year=fiscal_year,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    initiative_id: UUID,
    fiscal_year: int,
    *,
    client: AuthenticatedClient,
    body: CommentInput,

) -> Response[CommentView | Problem]:
    """ Comment on a report

     The committee (or the secretariat) comments on a `submitted` or `reviewed` report; the
    reporting department replies (with `in_reply_to`), also while the report is `returned`.
    Comments are never edited or deleted, and never public.

    Roles: committee, admin; the responsible departments or council for replies.

    Args:
        initiative_id (UUID):
        fiscal_year (int):
        body (CommentInput): A new comment, or a reply to one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommentView | Problem]
     """


    kwargs = _get_kwargs(
        initiative_id=initiative_id,
fiscal_year=fiscal_year,
body=body,

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
    body: CommentInput,

) -> CommentView | Problem | None:
    """ Comment on a report

     The committee (or the secretariat) comments on a `submitted` or `reviewed` report; the
    reporting department replies (with `in_reply_to`), also while the report is `returned`.
    Comments are never edited or deleted, and never public.

    Roles: committee, admin; the responsible departments or council for replies.

    Args:
        initiative_id (UUID):
        fiscal_year (int):
        body (CommentInput): A new comment, or a reply to one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommentView | Problem
     """


    return (await asyncio_detailed(
        initiative_id=initiative_id,
fiscal_year=fiscal_year,
client=client,
body=body,

    )).parsed
