from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.audit_event_list import AuditEventList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime



def _get_kwargs(
    *,
    entity_type: str | Unset = UNSET,
    entity_id: UUID | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    plan_id: UUID | Unset = UNSET,
    request_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["entity_type"] = entity_type

    json_entity_id: str | Unset = UNSET
    if not isinstance(entity_id, Unset):
        json_entity_id = str(entity_id)
    params["entity_id"] = json_entity_id

    json_actor_id: str | Unset = UNSET
    if not isinstance(actor_id, Unset):
        json_actor_id = str(actor_id)
    params["actor_id"] = json_actor_id

    json_plan_id: str | Unset = UNSET
    if not isinstance(plan_id, Unset):
        json_plan_id = str(plan_id)
    params["plan_id"] = json_plan_id

    params["request_id"] = request_id

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit-events",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditEventList | Problem | None:
    if response.status_code == 200:
        response_200 = AuditEventList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditEventList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    entity_type: str | Unset = UNSET,
    entity_id: UUID | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    plan_id: UUID | Unset = UNSET,
    request_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,

) -> Response[AuditEventList | Problem]:
    """ List audit events

     Newest first. Filter by entity, actor, plan, request and time range.

    Roles: admin.

    Args:
        entity_type (str | Unset):
        entity_id (UUID | Unset):
        actor_id (UUID | Unset):
        plan_id (UUID | Unset):
        request_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventList | Problem]
     """


    kwargs = _get_kwargs(
        entity_type=entity_type,
entity_id=entity_id,
actor_id=actor_id,
plan_id=plan_id,
request_id=request_id,
from_=from_,
to=to,
limit=limit,
cursor=cursor,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    entity_type: str | Unset = UNSET,
    entity_id: UUID | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    plan_id: UUID | Unset = UNSET,
    request_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,

) -> AuditEventList | Problem | None:
    """ List audit events

     Newest first. Filter by entity, actor, plan, request and time range.

    Roles: admin.

    Args:
        entity_type (str | Unset):
        entity_id (UUID | Unset):
        actor_id (UUID | Unset):
        plan_id (UUID | Unset):
        request_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventList | Problem
     """


    return sync_detailed(
        client=client,
entity_type=entity_type,
entity_id=entity_id,
actor_id=actor_id,
plan_id=plan_id,
request_id=request_id,
from_=from_,
to=to,
limit=limit,
cursor=cursor,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    entity_type: str | Unset = UNSET,
    entity_id: UUID | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    plan_id: UUID | Unset = UNSET,
    request_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,

) -> Response[AuditEventList | Problem]:
    """ List audit events

     Newest first. Filter by entity, actor, plan, request and time range.

    Roles: admin.

    Args:
        entity_type (str | Unset):
        entity_id (UUID | Unset):
        actor_id (UUID | Unset):
        plan_id (UUID | Unset):
        request_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventList | Problem]
     """


    kwargs = _get_kwargs(
        entity_type=entity_type,
entity_id=entity_id,
actor_id=actor_id,
plan_id=plan_id,
request_id=request_id,
from_=from_,
to=to,
limit=limit,
cursor=cursor,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    entity_type: str | Unset = UNSET,
    entity_id: UUID | Unset = UNSET,
    actor_id: UUID | Unset = UNSET,
    plan_id: UUID | Unset = UNSET,
    request_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,

) -> AuditEventList | Problem | None:
    """ List audit events

     Newest first. Filter by entity, actor, plan, request and time range.

    Roles: admin.

    Args:
        entity_type (str | Unset):
        entity_id (UUID | Unset):
        actor_id (UUID | Unset):
        plan_id (UUID | Unset):
        request_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventList | Problem
     """


    return (await asyncio_detailed(
        client=client,
entity_type=entity_type,
entity_id=entity_id,
actor_id=actor_id,
plan_id=plan_id,
request_id=request_id,
from_=from_,
to=to,
limit=limit,
cursor=cursor,

    )).parsed
