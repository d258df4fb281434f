from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.group_by import GroupBy
from ..models.rating_source import RatingSource
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.plan_target_year import PlanTargetYear
  from ..models.public_counts import PublicCounts
  from ..models.public_group import PublicGroup
  from ..models.public_legend import PublicLegend





T = TypeVar("T", bound="PublicSummary")



@_attrs_define
class PublicSummary:
    """ A published plan's progress in one fiscal year, over published reports only.

        Attributes:
            plan_id (UUID):
            plan_title (str):  Example: 白井市第2次地域福祉計画.
            fiscal_year (int):  Example: 2022.
            fiscal_year_label (str):  Example: 令和4年度.
            rating (RatingSource): Whose rating the ratings count.
            as_of (datetime.datetime | None): The latest publication these figures include; `null` when nothing of the year
                is published.
            group_by (GroupBy | None):
            level (int | None): The node level grouped by, and its label (`group_by=node`).
            level_label (None | str):  Example: 基本方針.
            legend (PublicLegend): The legend of every distribution of a public summary.
            totals (PublicCounts): What the published reports of a set of initiatives say in one fiscal year.
            groups (list[PublicGroup]): Per node (in plan order) or department (by name); empty without `group_by`.
            plan_targets (list[PlanTargetYear]): Plan-level targets with the year's target, actual and achievement.
     """

    plan_id: UUID
    plan_title: str
    fiscal_year: int
    fiscal_year_label: str
    rating: RatingSource
    as_of: datetime.datetime | None
    group_by: GroupBy | None
    level: int | None
    level_label: None | str
    legend: PublicLegend
    totals: PublicCounts
    groups: list[PublicGroup]
    plan_targets: list[PlanTargetYear]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.plan_target_year import PlanTargetYear # noqa: PLC0415
        from ..models.public_counts import PublicCounts # noqa: PLC0415
        from ..models.public_group import PublicGroup # noqa: PLC0415
        from ..models.public_legend import PublicLegend # noqa: PLC0415
        plan_id = str(self.plan_id)

        plan_title = self.plan_title

        fiscal_year = self.fiscal_year

        fiscal_year_label = self.fiscal_year_label

        rating = self.rating.value

        as_of: None | str
        if isinstance(self.as_of, datetime.datetime):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        group_by: None | str
        if isinstance(self.group_by, GroupBy):
            group_by = self.group_by.value
        else:
            group_by = self.group_by

        level: int | None
        level = self.level

        level_label: None | str
        level_label = self.level_label

        legend = self.legend.to_dict()

        totals = self.totals.to_dict()

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)



        plan_targets = []
        for plan_targets_item_data in self.plan_targets:
            plan_targets_item = plan_targets_item_data.to_dict()
            plan_targets.append(plan_targets_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "plan_id": plan_id,
            "plan_title": plan_title,
            "fiscal_year": fiscal_year,
            "fiscal_year_label": fiscal_year_label,
            "rating": rating,
            "as_of": as_of,
            "group_by": group_by,
            "level": level,
            "level_label": level_label,
            "legend": legend,
            "totals": totals,
            "groups": groups,
            "plan_targets": plan_targets,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_target_year import PlanTargetYear # noqa: PLC0415
        from ..models.public_counts import PublicCounts # noqa: PLC0415
        from ..models.public_group import PublicGroup # noqa: PLC0415
        from ..models.public_legend import PublicLegend # noqa: PLC0415
        d = dict(src_dict)
        plan_id = UUID(d.pop("plan_id"))




        plan_title = d.pop("plan_title")

        fiscal_year = d.pop("fiscal_year")

        fiscal_year_label = d.pop("fiscal_year_label")

        rating = RatingSource(d.pop("rating"))




        def _parse_as_of(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.datetime.fromisoformat(data)



                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        as_of = _parse_as_of(d.pop("as_of"))


        def _parse_group_by(data: object) -> GroupBy | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                group_by_type_1 = GroupBy(data)



                return group_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GroupBy | None, data)

        group_by = _parse_group_by(d.pop("group_by"))


        def _parse_level(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        level = _parse_level(d.pop("level"))


        def _parse_level_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        level_label = _parse_level_label(d.pop("level_label"))


        legend = PublicLegend.from_dict(d.pop("legend"))




        totals = PublicCounts.from_dict(d.pop("totals"))




        groups = []
        _groups = d.pop("groups")
        for groups_item_data in (_groups):
            groups_item = PublicGroup.from_dict(groups_item_data)



            groups.append(groups_item)


        plan_targets = []
        _plan_targets = d.pop("plan_targets")
        for plan_targets_item_data in (_plan_targets):
            plan_targets_item = PlanTargetYear.from_dict(plan_targets_item_data)



            plan_targets.append(plan_targets_item)


        public_summary = cls(
            plan_id=plan_id,
            plan_title=plan_title,
            fiscal_year=fiscal_year,
            fiscal_year_label=fiscal_year_label,
            rating=rating,
            as_of=as_of,
            group_by=group_by,
            level=level,
            level_label=level_label,
            legend=legend,
            totals=totals,
            groups=groups,
            plan_targets=plan_targets,
        )


        public_summary.additional_properties = d
        return public_summary

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
