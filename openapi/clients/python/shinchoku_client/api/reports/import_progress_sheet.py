from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.sheet_import_result import SheetImportResult
from ...models.sheet_upload_form import SheetUploadForm
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    plan_id: UUID,
    *,
    body: SheetUploadForm,
    fiscal_year: int,
    dry_run: bool | Unset = UNSET,
    keep_mine: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    params: dict[str, Any] = {}

    params["fiscal_year"] = fiscal_year

    params["dry_run"] = dry_run

    params["keep_mine"] = keep_mine


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/plans/{plan_id}/progress-sheet".format(plan_id=quote(str(plan_id), safe=""),),
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SheetImportResult | None:
    if response.status_code == 200:
        response_200 = SheetImportResult.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SheetImportResult]:
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
    body: SheetUploadForm,
    fiscal_year: int,
    dry_run: bool | Unset = UNSET,
    keep_mine: str | Unset = UNSET,

) -> Response[Problem | SheetImportResult]:
    """ Import a progress sheet

     The progress sheet as exported, edited in Excel or LibreOffice: XLSX, ODS, or CSV in UTF-8
    (with or without BOM) or Shift_JIS / CP932 (detected, or named by the `charset` parameter
    of `Content-Type`), tab-separated UTF-16 text (Excel's "Unicode テキスト"), or a legacy
    `.xls` workbook; as the body itself or as the one file of a `multipart/form-data` body (an
    HTML form).

    **Three-way merge.** Each row carries the version of its report the sheet was exported
    from (the hidden column 版). A cell the clerk changed from that version is written; a cell
    they did not change is never written, so an old sheet cannot put back what a colleague
    entered since, and the same file uploaded twice changes nothing. A cell that both the clerk
    and someone else changed is an `edit_conflict` (409, each with `row`, `column`,
    `current_value` and `your_value`), and nothing is written, unless `keep_mine` names it.
    Rows without a version (an older export, a hand-made sheet) are compared with the data as
    it is now, and the answer says so (`unversioned_rows`, warning `no_version`). A quarter or
    an indicator value is sent whole, its unchanged cells taken from what is stored now.

    **Checks.** The changed cells become one batch (`POST …/progress-batches`) with the same
    checks, all or nothing: control characters, lengths, finite indicator numbers (0, or
    0.000001 to 10¹⁵ in magnitude), labels, grades (full-width and lower case read as the
    grade), rights, workflow states. Every problem of the upload, reading, domain and
    permission alike, comes in one answer (at most 200 listed, then a count), each at its cell
    (`row` as the spreadsheet numbers it, `column` by header) with a Japanese message
    (`行 12, 列 自己評価: 評価は A・B・C・D のいずれかです`): 422, or 403 when every one is a
    refusal, 409 when every one is a conflict.

    **Nothing silent.** Edits in read-only (shaded) columns, unknown and missing columns, rows of
    initiatives the plan does not have and cells kept over newer ones are listed in `warnings`;
    `changes` lists every cell written with its value before and after (in a dry run too).

    **Bounds.** At most 8 MiB uploaded; a workbook's entries at most 32 MiB unpacked, no XML
    text node or tag over 256 KiB, at most 500,000 shared strings; values at most in row 50,000
    and column 1,000; at most 500,000 cells (each row counted to its last value; in an `.xls`,
    every sheet's extent together); 32,767 characters a cell; 32 MiB of cell text. A file over a
    bound is a 413 naming it.

    Roles: as for the batch: department data by the responsible departments or council, admin;
    committee fields by the committee, admin.

    Args:
        plan_id (UUID):
        fiscal_year (int):
        dry_run (bool | Unset):
        keep_mine (str | Unset):
        body (SheetUploadForm): A form (`multipart/form-data`) carrying the sheet as its one file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SheetImportResult]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
body=body,
fiscal_year=fiscal_year,
dry_run=dry_run,
keep_mine=keep_mine,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SheetUploadForm,
    fiscal_year: int,
    dry_run: bool | Unset = UNSET,
    keep_mine: str | Unset = UNSET,

) -> Problem | SheetImportResult | None:
    """ Import a progress sheet

     The progress sheet as exported, edited in Excel or LibreOffice: XLSX, ODS, or CSV in UTF-8
    (with or without BOM) or Shift_JIS / CP932 (detected, or named by the `charset` parameter
    of `Content-Type`), tab-separated UTF-16 text (Excel's "Unicode テキスト"), or a legacy
    `.xls` workbook; as the body itself or as the one file of a `multipart/form-data` body (an
    HTML form).

    **Three-way merge.** Each row carries the version of its report the sheet was exported
    from (the hidden column 版). A cell the clerk changed from that version is written; a cell
    they did not change is never written, so an old sheet cannot put back what a colleague
    entered since, and the same file uploaded twice changes nothing. A cell that both the clerk
    and someone else changed is an `edit_conflict` (409, each with `row`, `column`,
    `current_value` and `your_value`), and nothing is written, unless `keep_mine` names it.
    Rows without a version (an older export, a hand-made sheet) are compared with the data as
    it is now, and the answer says so (`unversioned_rows`, warning `no_version`). A quarter or
    an indicator value is sent whole, its unchanged cells taken from what is stored now.

    **Checks.** The changed cells become one batch (`POST …/progress-batches`) with the same
    checks, all or nothing: control characters, lengths, finite indicator numbers (0, or
    0.000001 to 10¹⁵ in magnitude), labels, grades (full-width and lower case read as the
    grade), rights, workflow states. Every problem of the upload, reading, domain and
    permission alike, comes in one answer (at most 200 listed, then a count), each at its cell
    (`row` as the spreadsheet numbers it, `column` by header) with a Japanese message
    (`行 12, 列 自己評価: 評価は A・B・C・D のいずれかです`): 422, or 403 when every one is a
    refusal, 409 when every one is a conflict.

    **Nothing silent.** Edits in read-only (shaded) columns, unknown and missing columns, rows of
    initiatives the plan does not have and cells kept over newer ones are listed in `warnings`;
    `changes` lists every cell written with its value before and after (in a dry run too).

    **Bounds.** At most 8 MiB uploaded; a workbook's entries at most 32 MiB unpacked, no XML
    text node or tag over 256 KiB, at most 500,000 shared strings; values at most in row 50,000
    and column 1,000; at most 500,000 cells (each row counted to its last value; in an `.xls`,
    every sheet's extent together); 32,767 characters a cell; 32 MiB of cell text. A file over a
    bound is a 413 naming it.

    Roles: as for the batch: department data by the responsible departments or council, admin;
    committee fields by the committee, admin.

    Args:
        plan_id (UUID):
        fiscal_year (int):
        dry_run (bool | Unset):
        keep_mine (str | Unset):
        body (SheetUploadForm): A form (`multipart/form-data`) carrying the sheet as its one file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SheetImportResult
     """


    return sync_detailed(
        plan_id=plan_id,
client=client,
body=body,
fiscal_year=fiscal_year,
dry_run=dry_run,
keep_mine=keep_mine,

    ).parsed

async def asyncio_detailed(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SheetUploadForm,
    fiscal_year: int,
    dry_run: bool | Unset = UNSET,
    keep_mine: str | Unset = UNSET,

) -> Response[Problem | SheetImportResult]:
    """ Import a progress sheet

     The progress sheet as exported, edited in Excel or LibreOffice: XLSX, ODS, or CSV in UTF-8
    (with or without BOM) or Shift_JIS / CP932 (detected, or named by the `charset` parameter
    of `Content-Type`), tab-separated UTF-16 text (Excel's "Unicode テキスト"), or a legacy
    `.xls` workbook; as the body itself or as the one file of a `multipart/form-data` body (an
    HTML form).

    **Three-way merge.** Each row carries the version of its report the sheet was exported
    from (the hidden column 版). A cell the clerk changed from that version is written; a cell
    they did not change is never written, so an old sheet cannot put back what a colleague
    entered since, and the same file uploaded twice changes nothing. A cell that both the clerk
    and someone else changed is an `edit_conflict` (409, each with `row`, `column`,
    `current_value` and `your_value`), and nothing is written, unless `keep_mine` names it.
    Rows without a version (an older export, a hand-made sheet) are compared with the data as
    it is now, and the answer says so (`unversioned_rows`, warning `no_version`). A quarter or
    an indicator value is sent whole, its unchanged cells taken from what is stored now.

    **Checks.** The changed cells become one batch (`POST …/progress-batches`) with the same
    checks, all or nothing: control characters, lengths, finite indicator numbers (0, or
    0.000001 to 10¹⁵ in magnitude), labels, grades (full-width and lower case read as the
    grade), rights, workflow states. Every problem of the upload, reading, domain and
    permission alike, comes in one answer (at most 200 listed, then a count), each at its cell
    (`row` as the spreadsheet numbers it, `column` by header) with a Japanese message
    (`行 12, 列 自己評価: 評価は A・B・C・D のいずれかです`): 422, or 403 when every one is a
    refusal, 409 when every one is a conflict.

    **Nothing silent.** Edits in read-only (shaded) columns, unknown and missing columns, rows of
    initiatives the plan does not have and cells kept over newer ones are listed in `warnings`;
    `changes` lists every cell written with its value before and after (in a dry run too).

    **Bounds.** At most 8 MiB uploaded; a workbook's entries at most 32 MiB unpacked, no XML
    text node or tag over 256 KiB, at most 500,000 shared strings; values at most in row 50,000
    and column 1,000; at most 500,000 cells (each row counted to its last value; in an `.xls`,
    every sheet's extent together); 32,767 characters a cell; 32 MiB of cell text. A file over a
    bound is a 413 naming it.

    Roles: as for the batch: department data by the responsible departments or council, admin;
    committee fields by the committee, admin.

    Args:
        plan_id (UUID):
        fiscal_year (int):
        dry_run (bool | Unset):
        keep_mine (str | Unset):
        body (SheetUploadForm): A form (`multipart/form-data`) carrying the sheet as its one file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SheetImportResult]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
body=body,
fiscal_year=fiscal_year,
dry_run=dry_run,
keep_mine=keep_mine,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    plan_id: UUID,
    *,
    client: AuthenticatedClient,
    body: SheetUploadForm,
    fiscal_year: int,
    dry_run: bool | Unset = UNSET,
    keep_mine: str | Unset = UNSET,

) -> Problem | SheetImportResult | None:
    """ Import a progress sheet

     The progress sheet as exported, edited in Excel or LibreOffice: XLSX, ODS, or CSV in UTF-8
    (with or without BOM) or Shift_JIS / CP932 (detected, or named by the `charset` parameter
    of `Content-Type`), tab-separated UTF-16 text (Excel's "Unicode テキスト"), or a legacy
    `.xls` workbook; as the body itself or as the one file of a `multipart/form-data` body (an
    HTML form).

    **Three-way merge.** Each row carries the version of its report the sheet was exported
    from (the hidden column 版). A cell the clerk changed from that version is written; a cell
    they did not change is never written, so an old sheet cannot put back what a colleague
    entered since, and the same file uploaded twice changes nothing. A cell that both the clerk
    and someone else changed is an `edit_conflict` (409, each with `row`, `column`,
    `current_value` and `your_value`), and nothing is written, unless `keep_mine` names it.
    Rows without a version (an older export, a hand-made sheet) are compared with the data as
    it is now, and the answer says so (`unversioned_rows`, warning `no_version`). A quarter or
    an indicator value is sent whole, its unchanged cells taken from what is stored now.

    **Checks.** The changed cells become one batch (`POST …/progress-batches`) with the same
    checks, all or nothing: control characters, lengths, finite indicator numbers (0, or
    0.000001 to 10¹⁵ in magnitude), labels, grades (full-width and lower case read as the
    grade), rights, workflow states. Every problem of the upload, reading, domain and
    permission alike, comes in one answer (at most 200 listed, then a count), each at its cell
    (`row` as the spreadsheet numbers it, `column` by header) with a Japanese message
    (`行 12, 列 自己評価: 評価は A・B・C・D のいずれかです`): 422, or 403 when every one is a
    refusal, 409 when every one is a conflict.

    **Nothing silent.** Edits in read-only (shaded) columns, unknown and missing columns, rows of
    initiatives the plan does not have and cells kept over newer ones are listed in `warnings`;
    `changes` lists every cell written with its value before and after (in a dry run too).

    **Bounds.** At most 8 MiB uploaded; a workbook's entries at most 32 MiB unpacked, no XML
    text node or tag over 256 KiB, at most 500,000 shared strings; values at most in row 50,000
    and column 1,000; at most 500,000 cells (each row counted to its last value; in an `.xls`,
    every sheet's extent together); 32,767 characters a cell; 32 MiB of cell text. A file over a
    bound is a 413 naming it.

    Roles: as for the batch: department data by the responsible departments or council, admin;
    committee fields by the committee, admin.

    Args:
        plan_id (UUID):
        fiscal_year (int):
        dry_run (bool | Unset):
        keep_mine (str | Unset):
        body (SheetUploadForm): A form (`multipart/form-data`) carrying the sheet as its one file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SheetImportResult
     """


    return (await asyncio_detailed(
        plan_id=plan_id,
client=client,
body=body,
fiscal_year=fiscal_year,
dry_run=dry_run,
keep_mine=keep_mine,

    )).parsed
