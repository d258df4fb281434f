from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.export_progress_report_format import ExportProgressReportFormat
from ...models.export_progress_report_layout import ExportProgressReportLayout
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    plan_id: UUID,
    *,
    fiscal_year: int,
    format_: ExportProgressReportFormat | Unset = UNSET,
    layout: ExportProgressReportLayout | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["fiscal_year"] = fiscal_year

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_layout: str | Unset = UNSET
    if not isinstance(layout, Unset):
        json_layout = layout.value

    params["layout"] = json_layout


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/plans/{plan_id}/progress-report".format(plan_id=quote(str(plan_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | None:
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem]:
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
    fiscal_year: int,
    format_: ExportProgressReportFormat | Unset = UNSET,
    layout: ExportProgressReportLayout | Unset = UNSET,

) -> Response[Problem]:
    """ Export the committee packet

     The plan's progress in one fiscal year as the committee reads it on paper (進行管理シート):
    a cover with the year's counts (as the summary counts them over reports handed in) and the
    legend, then the layout — `node_table` (a block per node with its 取り組み目標 and 主な取り組み,
    a row per initiative with its indicators, 単位 and the actuals and ratings of the last three
    years side by side, ※再掲 placements marked and not repeated), `per_initiative` (a page per
    initiative, a row per fiscal year of the plan period) or `quarterly` (the year's plan and each
    quarter's plan with its ○ × —). A4 at 100 % with text of 10 pt, rows as tall as their text,
    initiatives never split over pages, the block's header repeated when it goes on, page
    breaks between top-level nodes, the plan and year in the page header, page numbers in the
    footer. Reports not handed in (draft, returned) show as 未提出, never their drafts; a report
    being corrected shows as last published. The data-entry sheet is `…/progress-sheet`.

    Roles: every signed-in role.

    Args:
        plan_id (UUID):
        fiscal_year (int):
        format_ (ExportProgressReportFormat | Unset): The packet's file format.
        layout (ExportProgressReportLayout | Unset): How the committee packet lays out a plan's
            initiatives (docs/reporting.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
fiscal_year=fiscal_year,
format_=format_,
layout=layout,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    format_: ExportProgressReportFormat | Unset = UNSET,
    layout: ExportProgressReportLayout | Unset = UNSET,

) -> Problem | None:
    """ Export the committee packet

     The plan's progress in one fiscal year as the committee reads it on paper (進行管理シート):
    a cover with the year's counts (as the summary counts them over reports handed in) and the
    legend, then the layout — `node_table` (a block per node with its 取り組み目標 and 主な取り組み,
    a row per initiative with its indicators, 単位 and the actuals and ratings of the last three
    years side by side, ※再掲 placements marked and not repeated), `per_initiative` (a page per
    initiative, a row per fiscal year of the plan period) or `quarterly` (the year's plan and each
    quarter's plan with its ○ × —). A4 at 100 % with text of 10 pt, rows as tall as their text,
    initiatives never split over pages, the block's header repeated when it goes on, page
    breaks between top-level nodes, the plan and year in the page header, page numbers in the
    footer. Reports not handed in (draft, returned) show as 未提出, never their drafts; a report
    being corrected shows as last published. The data-entry sheet is `…/progress-sheet`.

    Roles: every signed-in role.

    Args:
        plan_id (UUID):
        fiscal_year (int):
        format_ (ExportProgressReportFormat | Unset): The packet's file format.
        layout (ExportProgressReportLayout | Unset): How the committee packet lays out a plan's
            initiatives (docs/reporting.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
     """


    return sync_detailed(
        plan_id=plan_id,
client=client,
fiscal_year=fiscal_year,
format_=format_,
layout=layout,

    ).parsed

async def asyncio_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    format_: ExportProgressReportFormat | Unset = UNSET,
    layout: ExportProgressReportLayout | Unset = UNSET,

) -> Response[Problem]:
    """ Export the committee packet

     The plan's progress in one fiscal year as the committee reads it on paper (進行管理シート):
    a cover with the year's counts (as the summary counts them over reports handed in) and the
    legend, then the layout — `node_table` (a block per node with its 取り組み目標 and 主な取り組み,
    a row per initiative with its indicators, 単位 and the actuals and ratings of the last three
    years side by side, ※再掲 placements marked and not repeated), `per_initiative` (a page per
    initiative, a row per fiscal year of the plan period) or `quarterly` (the year's plan and each
    quarter's plan with its ○ × —). A4 at 100 % with text of 10 pt, rows as tall as their text,
    initiatives never split over pages, the block's header repeated when it goes on, page
    breaks between top-level nodes, the plan and year in the page header, page numbers in the
    footer. Reports not handed in (draft, returned) show as 未提出, never their drafts; a report
    being corrected shows as last published. The data-entry sheet is `…/progress-sheet`.

    Roles: every signed-in role.

    Args:
        plan_id (UUID):
        fiscal_year (int):
        format_ (ExportProgressReportFormat | Unset): The packet's file format.
        layout (ExportProgressReportLayout | Unset): How the committee packet lays out a plan's
            initiatives (docs/reporting.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
fiscal_year=fiscal_year,
format_=format_,
layout=layout,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    format_: ExportProgressReportFormat | Unset = UNSET,
    layout: ExportProgressReportLayout | Unset = UNSET,

) -> Problem | None:
    """ Export the committee packet

     The plan's progress in one fiscal year as the committee reads it on paper (進行管理シート):
    a cover with the year's counts (as the summary counts them over reports handed in) and the
    legend, then the layout — `node_table` (a block per node with its 取り組み目標 and 主な取り組み,
    a row per initiative with its indicators, 単位 and the actuals and ratings of the last three
    years side by side, ※再掲 placements marked and not repeated), `per_initiative` (a page per
    initiative, a row per fiscal year of the plan period) or `quarterly` (the year's plan and each
    quarter's plan with its ○ × —). A4 at 100 % with text of 10 pt, rows as tall as their text,
    initiatives never split over pages, the block's header repeated when it goes on, page
    breaks between top-level nodes, the plan and year in the page header, page numbers in the
    footer. Reports not handed in (draft, returned) show as 未提出, never their drafts; a report
    being corrected shows as last published. The data-entry sheet is `…/progress-sheet`.

    Roles: every signed-in role.

    Args:
        plan_id (UUID):
        fiscal_year (int):
        format_ (ExportProgressReportFormat | Unset): The packet's file format.
        layout (ExportProgressReportLayout | Unset): How the committee packet lays out a plan's
            initiatives (docs/reporting.md).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem
     """


    return (await asyncio_detailed(
        plan_id=plan_id,
client=client,
fiscal_year=fiscal_year,
format_=format_,
layout=layout,

    )).parsed
