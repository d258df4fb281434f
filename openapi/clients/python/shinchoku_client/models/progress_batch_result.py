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





T = TypeVar("T", bound="ProgressBatchResult")



@_attrs_define
class ProgressBatchResult:
    """ What a batch wrote, or would write (`dry_run`).

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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_item_result import BatchItemResult # noqa: PLC0415
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
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_item_result import BatchItemResult # noqa: PLC0415
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


        progress_batch_result = cls(
            plan_id=plan_id,
            fiscal_year=fiscal_year,
            fiscal_year_label=fiscal_year_label,
            dry_run=dry_run,
            request_id=request_id,
            created=created,
            updated=updated,
            unchanged=unchanged,
            items=items,
        )


        progress_batch_result.additional_properties = d
        return progress_batch_result

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
