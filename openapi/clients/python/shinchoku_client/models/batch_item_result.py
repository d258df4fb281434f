from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.batch_outcome import BatchOutcome
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="BatchItemResult")



@_attrs_define
class BatchItemResult:
    """ The result of one item.

        Attributes:
            index (int): The item's position in `items` (0-based, as in the JSON pointers of errors). Example: 0.
            initiative_id (UUID):
            initiative_key (str):  Example: 1.
            initiative_code (str):  Example: 1.
            outcome (BatchOutcome): What happened (or, in a dry run, would happen) to an item's report.
            changed_fields (list[str]): The report's fields this item changed, as the history names them. Example:
                ['quarters/1/mark', 'quarters/1/result_text'].
            report_version (int | None): The report's version after the item (`null`: there is no report).
            row (int | None): For an uploaded progress sheet: the item's sheet row; else `null`. Example: 12.
     """

    index: int
    initiative_id: UUID
    initiative_key: str
    initiative_code: str
    outcome: BatchOutcome
    changed_fields: list[str]
    report_version: int | None
    row: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        index = self.index

        initiative_id = str(self.initiative_id)

        initiative_key = self.initiative_key

        initiative_code = self.initiative_code

        outcome = self.outcome.value

        changed_fields = self.changed_fields



        report_version: int | None
        report_version = self.report_version

        row: int | None
        row = self.row


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "index": index,
            "initiative_id": initiative_id,
            "initiative_key": initiative_key,
            "initiative_code": initiative_code,
            "outcome": outcome,
            "changed_fields": changed_fields,
            "report_version": report_version,
            "row": row,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        index = d.pop("index")

        initiative_id = UUID(d.pop("initiative_id"))




        initiative_key = d.pop("initiative_key")

        initiative_code = d.pop("initiative_code")

        outcome = BatchOutcome(d.pop("outcome"))




        changed_fields = cast(list[str], d.pop("changed_fields"))


        def _parse_report_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        report_version = _parse_report_version(d.pop("report_version"))


        def _parse_row(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        row = _parse_row(d.pop("row"))


        batch_item_result = cls(
            index=index,
            initiative_id=initiative_id,
            initiative_key=initiative_key,
            initiative_code=initiative_code,
            outcome=outcome,
            changed_fields=changed_fields,
            report_version=report_version,
            row=row,
        )


        batch_item_result.additional_properties = d
        return batch_item_result

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
