from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.progress_batch_input import ProgressBatchInput
from ...models.progress_batch_result import ProgressBatchResult
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    plan_id: UUID,
    *,
    body: ProgressBatchInput,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/plans/{plan_id}/progress-batches".format(plan_id=quote(str(plan_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ProgressBatchResult | None:
    if response.status_code == 200:
        response_200 = ProgressBatchResult.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ProgressBatchResult]:
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
    body: ProgressBatchInput,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | ProgressBatchResult]:
    """ Post a batch of progress

     Reports, quarters and indicator values of many initiatives of the plan for one fiscal year,
    in one call and one transaction: what a script posts every quarter. Each item is checked and
    written exactly as the single endpoints (`PUT …/years/{fiscal_year}`, `…/quarters/{quarter}`,
    `…/values/{fiscal_year}`) would, and changes its report by one version, one revision and
    one audit event (all with this request's id). Items that change nothing are `unchanged`;
    an empty quarter or value where none is stored, and an item that would create an empty
    report, write nothing.

    **All or nothing**: any forbidden item refuses the whole batch (403, each listed in `errors`
    as `/items/{index}`); any invalid item rejects it (422, every error with its JSON pointer,
    such as `/items/17/quarters/0/mark`); items whose report is not in an editable state reject it
    (409, unless there are also invalid ones). Nothing is written then. An answer lists at most
    1,000 errors.

    **Idempotency-Key** (IETF draft): send a unique key (a UUID) and retry with the same key
    after a timeout: the same key with the same body answers the stored response again (with
    `Idempotent-Replayed: true`) without writing; the same key with another body is 422. Keys
    are kept 48 hours per caller (per API token for scripts). Concurrent requests with one key
    write once. A dry run neither uses nor keeps a key. At most 10,000 items.

    Roles: department data: the responsible departments or council, admin; committee fields
    (`committee_rating`, `committee_opinion`): committee, admin.

    Args:
        plan_id (UUID):
        idempotency_key (None | str | Unset):
        body (ProgressBatchInput): A batch of progress for one plan and fiscal year.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProgressBatchResult]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProgressBatchInput,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | ProgressBatchResult | None:
    """ Post a batch of progress

     Reports, quarters and indicator values of many initiatives of the plan for one fiscal year,
    in one call and one transaction: what a script posts every quarter. Each item is checked and
    written exactly as the single endpoints (`PUT …/years/{fiscal_year}`, `…/quarters/{quarter}`,
    `…/values/{fiscal_year}`) would, and changes its report by one version, one revision and
    one audit event (all with this request's id). Items that change nothing are `unchanged`;
    an empty quarter or value where none is stored, and an item that would create an empty
    report, write nothing.

    **All or nothing**: any forbidden item refuses the whole batch (403, each listed in `errors`
    as `/items/{index}`); any invalid item rejects it (422, every error with its JSON pointer,
    such as `/items/17/quarters/0/mark`); items whose report is not in an editable state reject it
    (409, unless there are also invalid ones). Nothing is written then. An answer lists at most
    1,000 errors.

    **Idempotency-Key** (IETF draft): send a unique key (a UUID) and retry with the same key
    after a timeout: the same key with the same body answers the stored response again (with
    `Idempotent-Replayed: true`) without writing; the same key with another body is 422. Keys
    are kept 48 hours per caller (per API token for scripts). Concurrent requests with one key
    write once. A dry run neither uses nor keeps a key. At most 10,000 items.

    Roles: department data: the responsible departments or council, admin; committee fields
    (`committee_rating`, `committee_opinion`): committee, admin.

    Args:
        plan_id (UUID):
        idempotency_key (None | str | Unset):
        body (ProgressBatchInput): A batch of progress for one plan and fiscal year.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProgressBatchResult
     """


    return sync_detailed(
        plan_id=plan_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProgressBatchInput,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Problem | ProgressBatchResult]:
    """ Post a batch of progress

     Reports, quarters and indicator values of many initiatives of the plan for one fiscal year,
    in one call and one transaction: what a script posts every quarter. Each item is checked and
    written exactly as the single endpoints (`PUT …/years/{fiscal_year}`, `…/quarters/{quarter}`,
    `…/values/{fiscal_year}`) would, and changes its report by one version, one revision and
    one audit event (all with this request's id). Items that change nothing are `unchanged`;
    an empty quarter or value where none is stored, and an item that would create an empty
    report, write nothing.

    **All or nothing**: any forbidden item refuses the whole batch (403, each listed in `errors`
    as `/items/{index}`); any invalid item rejects it (422, every error with its JSON pointer,
    such as `/items/17/quarters/0/mark`); items whose report is not in an editable state reject it
    (409, unless there are also invalid ones). Nothing is written then. An answer lists at most
    1,000 errors.

    **Idempotency-Key** (IETF draft): send a unique key (a UUID) and retry with the same key
    after a timeout: the same key with the same body answers the stored response again (with
    `Idempotent-Replayed: true`) without writing; the same key with another body is 422. Keys
    are kept 48 hours per caller (per API token for scripts). Concurrent requests with one key
    write once. A dry run neither uses nor keeps a key. At most 10,000 items.

    Roles: department data: the responsible departments or council, admin; committee fields
    (`committee_rating`, `committee_opinion`): committee, admin.

    Args:
        plan_id (UUID):
        idempotency_key (None | str | Unset):
        body (ProgressBatchInput): A batch of progress for one plan and fiscal year.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProgressBatchResult]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProgressBatchInput,
    idempotency_key: None | str | Unset = UNSET,

) -> Problem | ProgressBatchResult | None:
    """ Post a batch of progress

     Reports, quarters and indicator values of many initiatives of the plan for one fiscal year,
    in one call and one transaction: what a script posts every quarter. Each item is checked and
    written exactly as the single endpoints (`PUT …/years/{fiscal_year}`, `…/quarters/{quarter}`,
    `…/values/{fiscal_year}`) would, and changes its report by one version, one revision and
    one audit event (all with this request's id). Items that change nothing are `unchanged`;
    an empty quarter or value where none is stored, and an item that would create an empty
    report, write nothing.

    **All or nothing**: any forbidden item refuses the whole batch (403, each listed in `errors`
    as `/items/{index}`); any invalid item rejects it (422, every error with its JSON pointer,
    such as `/items/17/quarters/0/mark`); items whose report is not in an editable state reject it
    (409, unless there are also invalid ones). Nothing is written then. An answer lists at most
    1,000 errors.

    **Idempotency-Key** (IETF draft): send a unique key (a UUID) and retry with the same key
    after a timeout: the same key with the same body answers the stored response again (with
    `Idempotent-Replayed: true`) without writing; the same key with another body is 422. Keys
    are kept 48 hours per caller (per API token for scripts). Concurrent requests with one key
    write once. A dry run neither uses nor keeps a key. At most 10,000 items.

    Roles: department data: the responsible departments or council, admin; committee fields
    (`committee_rating`, `committee_opinion`): committee, admin.

    Args:
        plan_id (UUID):
        idempotency_key (None | str | Unset):
        body (ProgressBatchInput): A batch of progress for one plan and fiscal year.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProgressBatchResult
     """


    return (await asyncio_detailed(
        plan_id=plan_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
