from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.progress_batch_item import ProgressBatchItem





T = TypeVar("T", bound="ProgressBatchInput")



@_attrs_define
class ProgressBatchInput:
    """ A batch of progress for one plan and fiscal year.

        Attributes:
            fiscal_year (int): The fiscal year every item reports on (2022 = 令和4年度). Example: 2022.
            items (list[ProgressBatchItem]): One item per initiative (at most one item per initiative).
            dry_run (bool | Unset): Check everything and answer what would change, writing nothing (no idempotency key is
                kept).
     """

    fiscal_year: int
    items: list[ProgressBatchItem]
    dry_run: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.progress_batch_item import ProgressBatchItem # noqa: PLC0415
        fiscal_year = self.fiscal_year

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        dry_run = self.dry_run


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "fiscal_year": fiscal_year,
            "items": items,
        })
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.progress_batch_item import ProgressBatchItem # noqa: PLC0415
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = ProgressBatchItem.from_dict(items_item_data)



            items.append(items_item)


        dry_run = d.pop("dry_run", UNSET)

        progress_batch_input = cls(
            fiscal_year=fiscal_year,
            items=items,
            dry_run=dry_run,
        )

        return progress_batch_input

