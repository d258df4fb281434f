from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.revision_diff import RevisionDiff
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    initiative_id: UUID,
    fiscal_year: int,
    revision: int,
    *,
    from_: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["from"] = from_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/initiatives/{initiative_id}/years/{fiscal_year}/revisions/{revision}/diff".format(initiative_id=quote(str(initiative_id), safe=""),fiscal_year=quote(str(fiscal_year), safe=""),revision=quote(str(revision), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RevisionDiff | None:
    if response.status_code == 200:
        response_200 = RevisionDiff.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RevisionDiff]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    initiative_id: UUID,
    fiscal_year: int,
    revision: int,
    *,
    client: AuthenticatedClient,
    from_: int | Unset = UNSET,

) -> Response[Problem | RevisionDiff]:
    """ Compare two revisions of a report

     Per field, the old and the new value: between `from` (default: the revision before) and this one.

    Roles: every signed-in role that may see the report and both versions.

    Args:
        initiative_id (UUID):
        fiscal_year (int):
        revision (int):
        from_ (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RevisionDiff]
     """


    kwargs = _get_kwargs(
        initiative_id=initiative_id,
fiscal_year=fiscal_year,
revision=revision,
from_=from_,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    initiative_id: UUID,
    fiscal_year: int,
    revision: int,
    *,
    client: AuthenticatedClient,
    from_: int | Unset = UNSET,

) -> Problem | RevisionDiff | None:
    """ Compare two revisions of a report

     Per field, the old and the new value: between `from` (default: the revision before) and this one.

    Roles: every signed-in role that may see the report and both versions.

    Args:
        initiative_id (UUID):
        fiscal_year (int):
        revision (int):
        from_ (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RevisionDiff
     """


    return sync_detailed(
        initiative_id=initiative_id,
fiscal_year=fiscal_year,
revision=revision,
client=client,
from_=from_,

    ).parsed

async def asyncio_detailed(
    initiative_id: UUID,
    fiscal_year: int,
    revision: int,
    *,
    client: AuthenticatedClient,
    from_: int | Unset = UNSET,

) -> Response[Problem | RevisionDiff]:
    """ Compare two revisions of a report

     Per field, the old and the new value: between `from` (default: the revision before) and this one.

    Roles: every signed-in role that may see the report and both versions.

    Args:
        initiative_id (UUID):
        fiscal_year (int):
        revision (int):
        from_ (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RevisionDiff]
     """


    kwargs = _get_kwargs(
        initiative_id=initiative_id,
fiscal_year=fiscal_year,
revision=revision,
from_=from_,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    initiative_id: UUID,
    fiscal_year: int,
    revision: int,
    *,
    client: AuthenticatedClient,
    from_: int | Unset = UNSET,

) -> Problem | RevisionDiff | None:
    """ Compare two revisions of a report

     Per field, the old and the new value: between `from` (default: the revision before) and this one.

    Roles: every signed-in role that may see the report and both versions.

    Args:
        initiative_id (UUID):
        fiscal_year (int):
        revision (int):
        from_ (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RevisionDiff
     """


    return (await asyncio_detailed(
        initiative_id=initiative_id,
fiscal_year=fiscal_year,
revision=revision,
client=client,
from_=from_,

    )).parsed
