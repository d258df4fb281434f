from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.rating_source import RatingSource
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    plan_id: UUID,
    *,
    from_: int | Unset = UNSET,
    to: int | Unset = UNSET,
    rating: RatingSource | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    json_rating: str | Unset = UNSET
    if not isinstance(rating, Unset):
        json_rating = rating.value

    params["rating"] = json_rating


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/public/plans/{plan_id}/charts/trend.svg".format(plan_id=quote(str(plan_id), safe=""),),
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
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
    from_: int | Unset = UNSET,
    to: int | Unset = UNSET,
    rating: RatingSource | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Response[Any | Problem]:
    """ Get a published plan's trend as a chart (SVG)

     One stacked bar of ratings per fiscal year with published reports, oldest first. Same form
    as the ratings chart.

    Roles: anyone, without credentials.

    Args:
        plan_id (UUID):
        from_ (int | Unset):
        to (int | Unset):
        rating (RatingSource | Unset): Whose rating the ratings count.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
from_=from_,
to=to,
rating=rating,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: int | Unset = UNSET,
    to: int | Unset = UNSET,
    rating: RatingSource | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Any | Problem | None:
    """ Get a published plan's trend as a chart (SVG)

     One stacked bar of ratings per fiscal year with published reports, oldest first. Same form
    as the ratings chart.

    Roles: anyone, without credentials.

    Args:
        plan_id (UUID):
        from_ (int | Unset):
        to (int | Unset):
        rating (RatingSource | Unset): Whose rating the ratings count.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return sync_detailed(
        plan_id=plan_id,
client=client,
from_=from_,
to=to,
rating=rating,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: int | Unset = UNSET,
    to: int | Unset = UNSET,
    rating: RatingSource | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Response[Any | Problem]:
    """ Get a published plan's trend as a chart (SVG)

     One stacked bar of ratings per fiscal year with published reports, oldest first. Same form
    as the ratings chart.

    Roles: anyone, without credentials.

    Args:
        plan_id (UUID):
        from_ (int | Unset):
        to (int | Unset):
        rating (RatingSource | Unset): Whose rating the ratings count.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
from_=from_,
to=to,
rating=rating,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    from_: int | Unset = UNSET,
    to: int | Unset = UNSET,
    rating: RatingSource | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Any | Problem | None:
    """ Get a published plan's trend as a chart (SVG)

     One stacked bar of ratings per fiscal year with published reports, oldest first. Same form
    as the ratings chart.

    Roles: anyone, without credentials.

    Args:
        plan_id (UUID):
        from_ (int | Unset):
        to (int | Unset):
        rating (RatingSource | Unset): Whose rating the ratings count.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return (await asyncio_detailed(
        plan_id=plan_id,
client=client,
from_=from_,
to=to,
rating=rating,
if_none_match=if_none_match,

    )).parsed
