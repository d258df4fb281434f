from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.group_by import GroupBy
from ..models.rating_source import RatingSource
from ..models.workflow_state import WorkflowState
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.counts import Counts
  from ..models.legend import Legend
  from ..models.plan_target_year import PlanTargetYear
  from ..models.summary_group import SummaryGroup





T = TypeVar("T", bound="PlanSummary")



@_attrs_define
class PlanSummary:
    """ A plan's progress in one fiscal year.

        Attributes:
            plan_id (UUID):
            fiscal_year (int):  Example: 2022.
            fiscal_year_label (str):  Example: 令和4年度.
            rating (RatingSource): Whose rating the ratings count.
            states (list[WorkflowState]): The workflow states counted (every state unless narrowed by `state`).
            group_by (GroupBy | None):
            level (int | None): The node level grouped by, and its label (`group_by=node`).
            level_label (None | str):  Example: 基本方針.
            legend (Legend): Japanese labels of the keys the counts use, for people.
            totals (Counts): Everything a summary counts over a set of initiatives in one fiscal year.
            groups (list[SummaryGroup]): Per node (in plan order) or department (by name); empty without `group_by`.
            plan_targets (list[PlanTargetYear]): Plan-level targets with the year's target, actual and achievement.
            data_version (int | None): The plan's data version these counts were computed from; `null` in the public
                summary,
                whose body changes only when published data does.
     """

    plan_id: UUID
    fiscal_year: int
    fiscal_year_label: str
    rating: RatingSource
    states: list[WorkflowState]
    group_by: GroupBy | None
    level: int | None
    level_label: None | str
    legend: Legend
    totals: Counts
    groups: list[SummaryGroup]
    plan_targets: list[PlanTargetYear]
    data_version: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.counts import Counts # noqa: PLC0415
        from ..models.legend import Legend # noqa: PLC0415
        from ..models.plan_target_year import PlanTargetYear # noqa: PLC0415
        from ..models.summary_group import SummaryGroup # noqa: PLC0415
        plan_id = str(self.plan_id)

        fiscal_year = self.fiscal_year

        fiscal_year_label = self.fiscal_year_label

        rating = self.rating.value

        states = []
        for states_item_data in self.states:
            states_item = states_item_data.value
            states.append(states_item)



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



        data_version: int | None
        data_version = self.data_version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "plan_id": plan_id,
            "fiscal_year": fiscal_year,
            "fiscal_year_label": fiscal_year_label,
            "rating": rating,
            "states": states,
            "group_by": group_by,
            "level": level,
            "level_label": level_label,
            "legend": legend,
            "totals": totals,
            "groups": groups,
            "plan_targets": plan_targets,
            "data_version": data_version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.counts import Counts # noqa: PLC0415
        from ..models.legend import Legend # noqa: PLC0415
        from ..models.plan_target_year import PlanTargetYear # noqa: PLC0415
        from ..models.summary_group import SummaryGroup # noqa: PLC0415
        d = dict(src_dict)
        plan_id = UUID(d.pop("plan_id"))




        fiscal_year = d.pop("fiscal_year")

        fiscal_year_label = d.pop("fiscal_year_label")

        rating = RatingSource(d.pop("rating"))




        states = []
        _states = d.pop("states")
        for states_item_data in (_states):
            states_item = WorkflowState(states_item_data)



            states.append(states_item)


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


        legend = Legend.from_dict(d.pop("legend"))




        totals = Counts.from_dict(d.pop("totals"))




        groups = []
        _groups = d.pop("groups")
        for groups_item_data in (_groups):
            groups_item = SummaryGroup.from_dict(groups_item_data)



            groups.append(groups_item)


        plan_targets = []
        _plan_targets = d.pop("plan_targets")
        for plan_targets_item_data in (_plan_targets):
            plan_targets_item = PlanTargetYear.from_dict(plan_targets_item_data)



            plan_targets.append(plan_targets_item)


        def _parse_data_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        data_version = _parse_data_version(d.pop("data_version"))


        plan_summary = cls(
            plan_id=plan_id,
            fiscal_year=fiscal_year,
            fiscal_year_label=fiscal_year_label,
            rating=rating,
            states=states,
            group_by=group_by,
            level=level,
            level_label=level_label,
            legend=legend,
            totals=totals,
            groups=groups,
            plan_targets=plan_targets,
            data_version=data_version,
        )


        plan_summary.additional_properties = d
        return plan_summary

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
