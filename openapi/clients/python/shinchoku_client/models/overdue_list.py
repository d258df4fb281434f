from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.pending_item import PendingItem





T = TypeVar("T", bound="OverdueList")



@_attrs_define
class OverdueList:
    """ What is overdue in a plan.

        Attributes:
            plan_id (UUID):
            fiscal_year (int):  Example: 2023.
            fiscal_year_label (str):  Example: 令和5年度.
            today (datetime.date): The day in Japan the due dates were compared with.
            items (list[PendingItem]): Reports not handed in (and quarters without a mark) past their due date, in plan
                order.
     """

    plan_id: UUID
    fiscal_year: int
    fiscal_year_label: str
    today: datetime.date
    items: list[PendingItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.pending_item import PendingItem # noqa: PLC0415
        plan_id = str(self.plan_id)

        fiscal_year = self.fiscal_year

        fiscal_year_label = self.fiscal_year_label

        today = self.today.isoformat()

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
            "today": today,
            "items": items,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pending_item import PendingItem # noqa: PLC0415
        d = dict(src_dict)
        plan_id = UUID(d.pop("plan_id"))




        fiscal_year = d.pop("fiscal_year")

        fiscal_year_label = d.pop("fiscal_year_label")

        today = datetime.date.fromisoformat(d.pop("today"))




        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = PendingItem.from_dict(items_item_data)



            items.append(items_item)


        overdue_list = cls(
            plan_id=plan_id,
            fiscal_year=fiscal_year,
            fiscal_year_label=fiscal_year_label,
            today=today,
            items=items,
        )


        overdue_list.additional_properties = d
        return overdue_list

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
