from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.batch_item_result import BatchItemResult
  from ..models.cell_change import CellChange
  from ..models.sheet_warning import SheetWarning





T = TypeVar("T", bound="SheetImportResult")



@_attrs_define
class SheetImportResult:
    """ What an uploaded sheet wrote (or would write, `dry_run`).

        Attributes:
            plan_id (UUID):
            fiscal_year (int):  Example: 2022.
            fiscal_year_label (str):  Example: 令和4年度.
            dry_run (bool): `true`: nothing was written; the counts say what would change.
            request_id (None | str): The request id every audit event of this batch carries.
            created (int):  Example: 1.
            updated (int):  Example: 2.
            unchanged (int):  Example: 45.
            items (list[BatchItemResult]):
            file_format (str): How the file was read (`xlsx`, `ods`, `csv (UTF-8)`, `tsv (UTF-16LE)` …). Example: xlsx.
            rows (int): Data rows read (blank rows not counted). Example: 58.
            unchanged_rows (int): Rows the clerk changed nothing in (or only to what is stored already): not sent to the
                batch, counted in `unchanged`. Example: 55.
            relisted_rows (int): ※再掲 rows (a cross-listed initiative under its other nodes): read only, edit the first row.
                Example: 5.
            unversioned_rows (int): Rows without a report version (an older export, a hand-made sheet): compared with the
                data as it is now, so a cell someone else changed since would be put back. Example: 0.
            changes (list[CellChange]): Every cell written (or that would be, `dry_run`), with the value before and after.
            warnings (list[SheetWarning]): What was not imported, and why: edits in read-only columns, unknown and missing
                columns, rows of initiatives the plan does not have, rows compared without a version,
                cells where the caller kept their value over a newer one (`keep_mine`).
            unknown_columns (list[str]): Columns the sheet has that the progress sheet does not (their cells were not read).
                Example: ['備考'].
            missing_columns (list[str]): Columns of the progress sheet missing from the upload (those fields were left as
                they are). Example: ['委員会意見'].
     """

    plan_id: UUID
    fiscal_year: int
    fiscal_year_label: str
    dry_run: bool
    request_id: None | str
    created: int
    updated: int
    unchanged: int
    items: list[BatchItemResult]
    file_format: str
    rows: int
    unchanged_rows: int
    relisted_rows: int
    unversioned_rows: int
    changes: list[CellChange]
    warnings: list[SheetWarning]
    unknown_columns: list[str]
    missing_columns: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_item_result import BatchItemResult # noqa: PLC0415
        from ..models.cell_change import CellChange # noqa: PLC0415
        from ..models.sheet_warning import SheetWarning # noqa: PLC0415
        plan_id = str(self.plan_id)

        fiscal_year = self.fiscal_year

        fiscal_year_label = self.fiscal_year_label

        dry_run = self.dry_run

        request_id: None | str
        request_id = self.request_id

        created = self.created

        updated = self.updated

        unchanged = self.unchanged

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        file_format = self.file_format

        rows = self.rows

        unchanged_rows = self.unchanged_rows

        relisted_rows = self.relisted_rows

        unversioned_rows = self.unversioned_rows

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)



        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)



        unknown_columns = self.unknown_columns



        missing_columns = self.missing_columns




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "plan_id": plan_id,
            "fiscal_year": fiscal_year,
            "fiscal_year_label": fiscal_year_label,
            "dry_run": dry_run,
            "request_id": request_id,
            "created": created,
            "updated": updated,
            "unchanged": unchanged,
            "items": items,
            "file_format": file_format,
            "rows": rows,
            "unchanged_rows": unchanged_rows,
            "relisted_rows": relisted_rows,
            "unversioned_rows": unversioned_rows,
            "changes": changes,
            "warnings": warnings,
            "unknown_columns": unknown_columns,
            "missing_columns": missing_columns,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_item_result import BatchItemResult # noqa: PLC0415
        from ..models.cell_change import CellChange # noqa: PLC0415
        from ..models.sheet_warning import SheetWarning # noqa: PLC0415
        d = dict(src_dict)
        plan_id = UUID(d.pop("plan_id"))




        fiscal_year = d.pop("fiscal_year")

        fiscal_year_label = d.pop("fiscal_year_label")

        dry_run = d.pop("dry_run")

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))


        created = d.pop("created")

        updated = d.pop("updated")

        unchanged = d.pop("unchanged")

        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = BatchItemResult.from_dict(items_item_data)



            items.append(items_item)


        file_format = d.pop("file_format")

        rows = d.pop("rows")

        unchanged_rows = d.pop("unchanged_rows")

        relisted_rows = d.pop("relisted_rows")

        unversioned_rows = d.pop("unversioned_rows")

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in (_changes):
            changes_item = CellChange.from_dict(changes_item_data)



            changes.append(changes_item)


        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in (_warnings):
            warnings_item = SheetWarning.from_dict(warnings_item_data)



            warnings.append(warnings_item)


        unknown_columns = cast(list[str], d.pop("unknown_columns"))


        missing_columns = cast(list[str], d.pop("missing_columns"))


        sheet_import_result = cls(
            plan_id=plan_id,
            fiscal_year=fiscal_year,
            fiscal_year_label=fiscal_year_label,
            dry_run=dry_run,
            request_id=request_id,
            created=created,
            updated=updated,
            unchanged=unchanged,
            items=items,
            file_format=file_format,
            rows=rows,
            unchanged_rows=unchanged_rows,
            relisted_rows=relisted_rows,
            unversioned_rows=unversioned_rows,
            changes=changes,
            warnings=warnings,
            unknown_columns=unknown_columns,
            missing_columns=missing_columns,
        )


        sheet_import_result.additional_properties = d
        return sheet_import_result

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
