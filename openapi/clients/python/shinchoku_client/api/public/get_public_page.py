from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.get_public_page_fiscal_year_type_1 import GetPublicPageFiscalYearType1
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    plan_id: UUID,
    *,
    fiscal_year: GetPublicPageFiscalYearType1 | int | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    json_fiscal_year: int | str | Unset
    if isinstance(fiscal_year, Unset):
        json_fiscal_year = UNSET
    elif isinstance(fiscal_year, GetPublicPageFiscalYearType1):
        json_fiscal_year = fiscal_year.value
    else:
        json_fiscal_year = fiscal_year
    params["fiscal_year"] = json_fiscal_year


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/public/plans/{plan_id}".format(plan_id=quote(str(plan_id), safe=""),),
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem | str]:
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
    fiscal_year: GetPublicPageFiscalYearType1 | int | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Response[Any | Problem | str]:
    """ Get a published plan's progress page (HTML)

     A page a city links to or embeds in an `<iframe>`: the plan, the ratings of the latest year
    with published reports (or `fiscal_year`) by top-level node, chart and table, their trend, and
    a table per node with each initiative's published progress and ratings. No script and no
    external asset (`Content-Security-Policy` allows its own inline style only, and framing from
    any site); Japanese; usable on a phone; accessible (WCAG 2.1 AA / JIS X 8341-3:2016).

    Roles: anyone, without credentials.

    Args:
        plan_id (UUID):
        fiscal_year (GetPublicPageFiscalYearType1 | int | Unset): A fiscal year (in the plan
            period), or `latest`: the latest year with published reports.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
fiscal_year=fiscal_year,
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
    fiscal_year: GetPublicPageFiscalYearType1 | int | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Any | Problem | str | None:
    """ Get a published plan's progress page (HTML)

     A page a city links to or embeds in an `<iframe>`: the plan, the ratings of the latest year
    with published reports (or `fiscal_year`) by top-level node, chart and table, their trend, and
    a table per node with each initiative's published progress and ratings. No script and no
    external asset (`Content-Security-Policy` allows its own inline style only, and framing from
    any site); Japanese; usable on a phone; accessible (WCAG 2.1 AA / JIS X 8341-3:2016).

    Roles: anyone, without credentials.

    Args:
        plan_id (UUID):
        fiscal_year (GetPublicPageFiscalYearType1 | int | Unset): A fiscal year (in the plan
            period), or `latest`: the latest year with published reports.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
     """


    return sync_detailed(
        plan_id=plan_id,
client=client,
fiscal_year=fiscal_year,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    fiscal_year: GetPublicPageFiscalYearType1 | int | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Response[Any | Problem | str]:
    """ Get a published plan's progress page (HTML)

     A page a city links to or embeds in an `<iframe>`: the plan, the ratings of the latest year
    with published reports (or `fiscal_year`) by top-level node, chart and table, their trend, and
    a table per node with each initiative's published progress and ratings. No script and no
    external asset (`Content-Security-Policy` allows its own inline style only, and framing from
    any site); Japanese; usable on a phone; accessible (WCAG 2.1 AA / JIS X 8341-3:2016).

    Roles: anyone, without credentials.

    Args:
        plan_id (UUID):
        fiscal_year (GetPublicPageFiscalYearType1 | int | Unset): A fiscal year (in the plan
            period), or `latest`: the latest year with published reports.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
fiscal_year=fiscal_year,
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
    fiscal_year: GetPublicPageFiscalYearType1 | int | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Any | Problem | str | None:
    """ Get a published plan's progress page (HTML)

     A page a city links to or embeds in an `<iframe>`: the plan, the ratings of the latest year
    with published reports (or `fiscal_year`) by top-level node, chart and table, their trend, and
    a table per node with each initiative's published progress and ratings. No script and no
    external asset (`Content-Security-Policy` allows its own inline style only, and framing from
    any site); Japanese; usable on a phone; accessible (WCAG 2.1 AA / JIS X 8341-3:2016).

    Roles: anyone, without credentials.

    Args:
        plan_id (UUID):
        fiscal_year (GetPublicPageFiscalYearType1 | int | Unset): A fiscal year (in the plan
            period), or `latest`: the latest year with published reports.
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
     """


    return (await asyncio_detailed(
        plan_id=plan_id,
client=client,
fiscal_year=fiscal_year,
if_none_match=if_none_match,

    )).parsed
