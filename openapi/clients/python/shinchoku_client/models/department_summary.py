from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.rating_source import RatingSource
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.counts import Counts
  from ..models.pending_item import PendingItem
  from ..models.summary_group import SummaryGroup





T = TypeVar("T", bound="DepartmentSummary")



@_attrs_define
class DepartmentSummary:
    """ A department's progress across plans in one fiscal year.

        Attributes:
            department_id (UUID):
            department_name (str):  Example: 社会福祉課.
            fiscal_year (int):  Example: 2022.
            fiscal_year_label (str):  Example: 令和4年度.
            rating (RatingSource): Whose rating the ratings count.
            today (datetime.date): The day in Japan that `overdue` was decided on.
            totals (Counts): Everything a summary counts over a set of initiatives in one fiscal year.
            plans (list[SummaryGroup]): The same per plan (`key`: the plan id, `label`: its title).
            pending (list[PendingItem]): Reports (and quarters) not yet handed in, with due dates; `overdue` when past.
            overdue (int): How many of `pending` are overdue.
     """

    department_id: UUID
    department_name: str
    fiscal_year: int
    fiscal_year_label: str
    rating: RatingSource
    today: datetime.date
    totals: Counts
    plans: list[SummaryGroup]
    pending: list[PendingItem]
    overdue: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.counts import Counts # noqa: PLC0415
        from ..models.pending_item import PendingItem # noqa: PLC0415
        from ..models.summary_group import SummaryGroup # noqa: PLC0415
        department_id = str(self.department_id)

        department_name = self.department_name

        fiscal_year = self.fiscal_year

        fiscal_year_label = self.fiscal_year_label

        rating = self.rating.value

        today = self.today.isoformat()

        totals = self.totals.to_dict()

        plans = []
        for plans_item_data in self.plans:
            plans_item = plans_item_data.to_dict()
            plans.append(plans_item)



        pending = []
        for pending_item_data in self.pending:
            pending_item = pending_item_data.to_dict()
            pending.append(pending_item)



        overdue = self.overdue


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "department_id": department_id,
            "department_name": department_name,
            "fiscal_year": fiscal_year,
            "fiscal_year_label": fiscal_year_label,
            "rating": rating,
            "today": today,
            "totals": totals,
            "plans": plans,
            "pending": pending,
            "overdue": overdue,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.counts import Counts # noqa: PLC0415
        from ..models.pending_item import PendingItem # noqa: PLC0415
        from ..models.summary_group import SummaryGroup # noqa: PLC0415
        d = dict(src_dict)
        department_id = UUID(d.pop("department_id"))




        department_name = d.pop("department_name")

        fiscal_year = d.pop("fiscal_year")

        fiscal_year_label = d.pop("fiscal_year_label")

        rating = RatingSource(d.pop("rating"))




        today = datetime.date.fromisoformat(d.pop("today"))




        totals = Counts.from_dict(d.pop("totals"))




        plans = []
        _plans = d.pop("plans")
        for plans_item_data in (_plans):
            plans_item = SummaryGroup.from_dict(plans_item_data)



            plans.append(plans_item)


        pending = []
        _pending = d.pop("pending")
        for pending_item_data in (_pending):
            pending_item = PendingItem.from_dict(pending_item_data)



            pending.append(pending_item)


        overdue = d.pop("overdue")

        department_summary = cls(
            department_id=department_id,
            department_name=department_name,
            fiscal_year=fiscal_year,
            fiscal_year_label=fiscal_year_label,
            rating=rating,
            today=today,
            totals=totals,
            plans=plans,
            pending=pending,
            overdue=overdue,
        )


        department_summary.additional_properties = d
        return department_summary

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
