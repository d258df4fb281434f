from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.initiative_list import InitiativeList
from ...models.initiative_status import InitiativeStatus
from ...models.list_initiatives_department_id_item_type_1 import ListInitiativesDepartmentIdItemType1
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    plan_id: UUID,
    *,
    q: str | Unset = UNSET,
    node_id: list[UUID] | Unset = UNSET,
    department_id: list[ListInitiativesDepartmentIdItemType1 | UUID] | Unset = UNSET,
    status: list[InitiativeStatus] | Unset = UNSET,
    fiscal_year: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    params["q"] = q

    json_node_id: list[str] | Unset = UNSET
    if not isinstance(node_id, Unset):
        json_node_id = []
        for node_id_item_data in node_id:
            node_id_item = str(node_id_item_data)
            json_node_id.append(node_id_item)


    params["node_id"] = json_node_id

    json_department_id: list[str] | Unset = UNSET
    if not isinstance(department_id, Unset):
        json_department_id = []
        for department_id_item_data in department_id:
            department_id_item: str
            if isinstance(department_id_item_data, UUID):
                department_id_item = str(department_id_item_data)
            else:
                department_id_item = department_id_item_data.value

            json_department_id.append(department_id_item)


    params["department_id"] = json_department_id

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)


    params["status"] = json_status

    params["fiscal_year"] = fiscal_year

    params["limit"] = limit

    params["cursor"] = cursor


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/plans/{plan_id}/initiatives".format(plan_id=quote(str(plan_id), safe=""),),
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | InitiativeList | Problem | None:
    if response.status_code == 200:
        response_200 = InitiativeList.from_dict(response.json())



        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | InitiativeList | Problem]:
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
    q: str | Unset = UNSET,
    node_id: list[UUID] | Unset = UNSET,
    department_id: list[ListInitiativesDepartmentIdItemType1 | UUID] | Unset = UNSET,
    status: list[InitiativeStatus] | Unset = UNSET,
    fiscal_year: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Response[Any | InitiativeList | Problem]:
    """ List a plan's initiatives

     In natural order of their codes (1, 2, 10; ①②; (1)(2); I II III). `node_id` includes
    initiatives cross-listed under that node.

    Roles: every signed-in role.

    Args:
        plan_id (UUID):
        q (str | Unset):
        node_id (list[UUID] | Unset):
        department_id (list[ListInitiativesDepartmentIdItemType1 | UUID] | Unset):
        status (list[InitiativeStatus] | Unset):
        fiscal_year (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InitiativeList | Problem]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
q=q,
node_id=node_id,
department_id=department_id,
status=status,
fiscal_year=fiscal_year,
limit=limit,
cursor=cursor,
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
    q: str | Unset = UNSET,
    node_id: list[UUID] | Unset = UNSET,
    department_id: list[ListInitiativesDepartmentIdItemType1 | UUID] | Unset = UNSET,
    status: list[InitiativeStatus] | Unset = UNSET,
    fiscal_year: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Any | InitiativeList | Problem | None:
    """ List a plan's initiatives

     In natural order of their codes (1, 2, 10; ①②; (1)(2); I II III). `node_id` includes
    initiatives cross-listed under that node.

    Roles: every signed-in role.

    Args:
        plan_id (UUID):
        q (str | Unset):
        node_id (list[UUID] | Unset):
        department_id (list[ListInitiativesDepartmentIdItemType1 | UUID] | Unset):
        status (list[InitiativeStatus] | Unset):
        fiscal_year (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InitiativeList | Problem
     """


    return sync_detailed(
        plan_id=plan_id,
client=client,
q=q,
node_id=node_id,
department_id=department_id,
status=status,
fiscal_year=fiscal_year,
limit=limit,
cursor=cursor,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    node_id: list[UUID] | Unset = UNSET,
    department_id: list[ListInitiativesDepartmentIdItemType1 | UUID] | Unset = UNSET,
    status: list[InitiativeStatus] | Unset = UNSET,
    fiscal_year: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Response[Any | InitiativeList | Problem]:
    """ List a plan's initiatives

     In natural order of their codes (1, 2, 10; ①②; (1)(2); I II III). `node_id` includes
    initiatives cross-listed under that node.

    Roles: every signed-in role.

    Args:
        plan_id (UUID):
        q (str | Unset):
        node_id (list[UUID] | Unset):
        department_id (list[ListInitiativesDepartmentIdItemType1 | UUID] | Unset):
        status (list[InitiativeStatus] | Unset):
        fiscal_year (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InitiativeList | Problem]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
q=q,
node_id=node_id,
department_id=department_id,
status=status,
fiscal_year=fiscal_year,
limit=limit,
cursor=cursor,
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
    q: str | Unset = UNSET,
    node_id: list[UUID] | Unset = UNSET,
    department_id: list[ListInitiativesDepartmentIdItemType1 | UUID] | Unset = UNSET,
    status: list[InitiativeStatus] | Unset = UNSET,
    fiscal_year: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: None | str | Unset = UNSET,

) -> Any | InitiativeList | Problem | None:
    """ List a plan's initiatives

     In natural order of their codes (1, 2, 10; ①②; (1)(2); I II III). `node_id` includes
    initiatives cross-listed under that node.

    Roles: every signed-in role.

    Args:
        plan_id (UUID):
        q (str | Unset):
        node_id (list[UUID] | Unset):
        department_id (list[ListInitiativesDepartmentIdItemType1 | UUID] | Unset):
        status (list[InitiativeStatus] | Unset):
        fiscal_year (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        if_none_match (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InitiativeList | Problem
     """


    return (await asyncio_detailed(
        plan_id=plan_id,
client=client,
q=q,
node_id=node_id,
department_id=department_id,
status=status,
fiscal_year=fiscal_year,
limit=limit,
cursor=cursor,
if_none_match=if_none_match,

    )).parsed
