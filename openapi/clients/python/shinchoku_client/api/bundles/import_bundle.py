from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.import_result import ImportResult
from ...models.plan_bundle import PlanBundle
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: PlanBundle,
    publish: bool | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    params: dict[str, Any] = {}

    params["publish"] = publish


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/plan-bundles",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportResult | Problem | None:
    if response.status_code == 201:
        response_201 = ImportResult.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ImportResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PlanBundle,
    publish: bool | Unset = UNSET,

) -> Response[ImportResult | Problem]:
    """ Import a plan bundle

     Creates a new plan from one JSON document, atomically: structure, departments (matched by
    name, created when missing), initiatives with cross-listings, indicators, and the yearly data
    (reports, quarters, indicator values, plan targets). A bad bundle is answered with 422 listing
    every error by JSON pointer, and nothing is written. Fiscal years may be written `R4` or `令和4年度`.

    The new plan starts as a draft (作成中: the portal shows nothing of it) unless `publish=true`,
    with which it takes the bundle's `status` (`published` when the bundle gives none); a bundle
    that says `archived` stays archived either way.

    Importing a plan whose title and organization an existing plan already has (importing an
    export again, say) makes a copy, its title marked `（コピー）` (`（コピー2）` …), so that the
    two are told apart by more than their ids.

    Roles: admin.

    Args:
        publish (bool | Unset):
        body (PlanBundle): A whole plan: structure, departments, per-year data and plan-level
            targets.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
publish=publish,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: PlanBundle,
    publish: bool | Unset = UNSET,

) -> ImportResult | Problem | None:
    """ Import a plan bundle

     Creates a new plan from one JSON document, atomically: structure, departments (matched by
    name, created when missing), initiatives with cross-listings, indicators, and the yearly data
    (reports, quarters, indicator values, plan targets). A bad bundle is answered with 422 listing
    every error by JSON pointer, and nothing is written. Fiscal years may be written `R4` or `令和4年度`.

    The new plan starts as a draft (作成中: the portal shows nothing of it) unless `publish=true`,
    with which it takes the bundle's `status` (`published` when the bundle gives none); a bundle
    that says `archived` stays archived either way.

    Importing a plan whose title and organization an existing plan already has (importing an
    export again, say) makes a copy, its title marked `（コピー）` (`（コピー2）` …), so that the
    two are told apart by more than their ids.

    Roles: admin.

    Args:
        publish (bool | Unset):
        body (PlanBundle): A whole plan: structure, departments, per-year data and plan-level
            targets.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
     """


    return sync_detailed(
        client=client,
body=body,
publish=publish,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PlanBundle,
    publish: bool | Unset = UNSET,

) -> Response[ImportResult | Problem]:
    """ Import a plan bundle

     Creates a new plan from one JSON document, atomically: structure, departments (matched by
    name, created when missing), initiatives with cross-listings, indicators, and the yearly data
    (reports, quarters, indicator values, plan targets). A bad bundle is answered with 422 listing
    every error by JSON pointer, and nothing is written. Fiscal years may be written `R4` or `令和4年度`.

    The new plan starts as a draft (作成中: the portal shows nothing of it) unless `publish=true`,
    with which it takes the bundle's `status` (`published` when the bundle gives none); a bundle
    that says `archived` stays archived either way.

    Importing a plan whose title and organization an existing plan already has (importing an
    export again, say) makes a copy, its title marked `（コピー）` (`（コピー2）` …), so that the
    two are told apart by more than their ids.

    Roles: admin.

    Args:
        publish (bool | Unset):
        body (PlanBundle): A whole plan: structure, departments, per-year data and plan-level
            targets.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
publish=publish,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PlanBundle,
    publish: bool | Unset = UNSET,

) -> ImportResult | Problem | None:
    """ Import a plan bundle

     Creates a new plan from one JSON document, atomically: structure, departments (matched by
    name, created when missing), initiatives with cross-listings, indicators, and the yearly data
    (reports, quarters, indicator values, plan targets). A bad bundle is answered with 422 listing
    every error by JSON pointer, and nothing is written. Fiscal years may be written `R4` or `令和4年度`.

    The new plan starts as a draft (作成中: the portal shows nothing of it) unless `publish=true`,
    with which it takes the bundle's `status` (`published` when the bundle gives none); a bundle
    that says `archived` stays archived either way.

    Importing a plan whose title and organization an existing plan already has (importing an
    export again, say) makes a copy, its title marked `（コピー）` (`（コピー2）` …), so that the
    two are told apart by more than their ids.

    Roles: admin.

    Args:
        publish (bool | Unset):
        body (PlanBundle): A whole plan: structure, departments, per-year data and plan-level
            targets.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
publish=publish,

    )).parsed
