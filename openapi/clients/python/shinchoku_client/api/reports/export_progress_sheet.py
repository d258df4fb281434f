from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.export_progress_sheet_encoding import ExportProgressSheetEncoding
from ...models.export_progress_sheet_format import ExportProgressSheetFormat
from ...models.problem import Problem
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast
from uuid import UUID



def _get_kwargs(
    plan_id: UUID,
    *,
    fiscal_year: int,
    format_: ExportProgressSheetFormat | Unset = UNSET,
    encoding: ExportProgressSheetEncoding | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["fiscal_year"] = fiscal_year

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_encoding: str | Unset = UNSET
    if not isinstance(encoding, Unset):
        json_encoding = encoding.value

    params["encoding"] = json_encoding


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/plans/{plan_id}/progress-sheet".format(plan_id=quote(str(plan_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(
             payload = BytesIO(response.text)
        )



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[File | Problem]:
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
    format_: ExportProgressSheetFormat | Unset = UNSET,
    encoding: ExportProgressSheetEncoding | Unset = UNSET,

) -> Response[File | Problem]:
    """ Export the progress sheet

     The plan's initiatives active in the fiscal year, one row each in plan order (a
    cross-listed initiative again under each of its other nodes, marked ※再掲), with the
    hierarchy, No., 取組, 担当課, the report's state and fields (年度計画, 実績, 課題, 今後の方向性,
    進捗状況, 自己評価, 委員会評価, 委員会意見), each quarter's 計画, 実績 and ○ × — for quarterly
    plans, and each indicator's target and actual for the year. The caller sees what they may
    see of each report (other departments' reports once handed in).

    `xlsx`: frozen header and identifying columns, column widths, wrapped text, read-only
    columns shaded and the sheet protected so that only the white cells can be edited (no
    password: guidance, not security), drop-down lists of the Japanese labels for 区分,
    進捗状況, 自己評価, 委員会評価 and ○ × —, a Japanese font, A4 landscape one page wide, the
    legend on a second sheet. `csv`: UTF-8 with BOM (Excel opens it as it is) or
    `encoding=shift_jis`; a text cell a spreadsheet would run as a formula (starting with `=`,
    `+`, `-`, `@`, tab or carriage return) is written behind an apostrophe, which an upload
    takes off again. Every row carries its report's version (column 版, hidden in the workbook)
    for the upload's three-way merge.

    Roles: every signed-in role.

    Args:
        plan_id (UUID):
        fiscal_year (int):
        format_ (ExportProgressSheetFormat | Unset):
        encoding (ExportProgressSheetEncoding | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
fiscal_year=fiscal_year,
format_=format_,
encoding=encoding,

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
    format_: ExportProgressSheetFormat | Unset = UNSET,
    encoding: ExportProgressSheetEncoding | Unset = UNSET,

) -> File | Problem | None:
    """ Export the progress sheet

     The plan's initiatives active in the fiscal year, one row each in plan order (a
    cross-listed initiative again under each of its other nodes, marked ※再掲), with the
    hierarchy, No., 取組, 担当課, the report's state and fields (年度計画, 実績, 課題, 今後の方向性,
    進捗状況, 自己評価, 委員会評価, 委員会意見), each quarter's 計画, 実績 and ○ × — for quarterly
    plans, and each indicator's target and actual for the year. The caller sees what they may
    see of each report (other departments' reports once handed in).

    `xlsx`: frozen header and identifying columns, column widths, wrapped text, read-only
    columns shaded and the sheet protected so that only the white cells can be edited (no
    password: guidance, not security), drop-down lists of the Japanese labels for 区分,
    進捗状況, 自己評価, 委員会評価 and ○ × —, a Japanese font, A4 landscape one page wide, the
    legend on a second sheet. `csv`: UTF-8 with BOM (Excel opens it as it is) or
    `encoding=shift_jis`; a text cell a spreadsheet would run as a formula (starting with `=`,
    `+`, `-`, `@`, tab or carriage return) is written behind an apostrophe, which an upload
    takes off again. Every row carries its report's version (column 版, hidden in the workbook)
    for the upload's three-way merge.

    Roles: every signed-in role.

    Args:
        plan_id (UUID):
        fiscal_year (int):
        format_ (ExportProgressSheetFormat | Unset):
        encoding (ExportProgressSheetEncoding | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return sync_detailed(
        plan_id=plan_id,
client=client,
fiscal_year=fiscal_year,
format_=format_,
encoding=encoding,

    ).parsed

async def asyncio_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    fiscal_year: int,
    format_: ExportProgressSheetFormat | Unset = UNSET,
    encoding: ExportProgressSheetEncoding | Unset = UNSET,

) -> Response[File | Problem]:
    """ Export the progress sheet

     The plan's initiatives active in the fiscal year, one row each in plan order (a
    cross-listed initiative again under each of its other nodes, marked ※再掲), with the
    hierarchy, No., 取組, 担当課, the report's state and fields (年度計画, 実績, 課題, 今後の方向性,
    進捗状況, 自己評価, 委員会評価, 委員会意見), each quarter's 計画, 実績 and ○ × — for quarterly
    plans, and each indicator's target and actual for the year. The caller sees what they may
    see of each report (other departments' reports once handed in).

    `xlsx`: frozen header and identifying columns, column widths, wrapped text, read-only
    columns shaded and the sheet protected so that only the white cells can be edited (no
    password: guidance, not security), drop-down lists of the Japanese labels for 区分,
    進捗状況, 自己評価, 委員会評価 and ○ × —, a Japanese font, A4 landscape one page wide, the
    legend on a second sheet. `csv`: UTF-8 with BOM (Excel opens it as it is) or
    `encoding=shift_jis`; a text cell a spreadsheet would run as a formula (starting with `=`,
    `+`, `-`, `@`, tab or carriage return) is written behind an apostrophe, which an upload
    takes off again. Every row carries its report's version (column 版, hidden in the workbook)
    for the upload's three-way merge.

    Roles: every signed-in role.

    Args:
        plan_id (UUID):
        fiscal_year (int):
        format_ (ExportProgressSheetFormat | Unset):
        encoding (ExportProgressSheetEncoding | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
fiscal_year=fiscal_year,
format_=format_,
encoding=encoding,

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
    format_: ExportProgressSheetFormat | Unset = UNSET,
    encoding: ExportProgressSheetEncoding | Unset = UNSET,

) -> File | Problem | None:
    """ Export the progress sheet

     The plan's initiatives active in the fiscal year, one row each in plan order (a
    cross-listed initiative again under each of its other nodes, marked ※再掲), with the
    hierarchy, No., 取組, 担当課, the report's state and fields (年度計画, 実績, 課題, 今後の方向性,
    進捗状況, 自己評価, 委員会評価, 委員会意見), each quarter's 計画, 実績 and ○ × — for quarterly
    plans, and each indicator's target and actual for the year. The caller sees what they may
    see of each report (other departments' reports once handed in).

    `xlsx`: frozen header and identifying columns, column widths, wrapped text, read-only
    columns shaded and the sheet protected so that only the white cells can be edited (no
    password: guidance, not security), drop-down lists of the Japanese labels for 区分,
    進捗状況, 自己評価, 委員会評価 and ○ × —, a Japanese font, A4 landscape one page wide, the
    legend on a second sheet. `csv`: UTF-8 with BOM (Excel opens it as it is) or
    `encoding=shift_jis`; a text cell a spreadsheet would run as a formula (starting with `=`,
    `+`, `-`, `@`, tab or carriage return) is written behind an apostrophe, which an upload
    takes off again. Every row carries its report's version (column 版, hidden in the workbook)
    for the upload's three-way merge.

    Roles: every signed-in role.

    Args:
        plan_id (UUID):
        fiscal_year (int):
        format_ (ExportProgressSheetFormat | Unset):
        encoding (ExportProgressSheetEncoding | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
     """


    return (await asyncio_detailed(
        plan_id=plan_id,
client=client,
fiscal_year=fiscal_year,
format_=format_,
encoding=encoding,

    )).parsed
