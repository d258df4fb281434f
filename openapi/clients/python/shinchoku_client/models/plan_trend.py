from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.rating_source import RatingSource
from ..models.workflow_state import WorkflowState
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.legend import Legend
  from ..models.trend_year import TrendYear





T = TypeVar("T", bound="PlanTrend")



@_attrs_define
class PlanTrend:
    """ A plan's totals over several fiscal years, oldest first.

        Attributes:
            plan_id (UUID):
            from_ (int):  Example: 2020.
            to (int):  Example: 2024.
            rating (RatingSource): Whose rating the ratings count.
            states (list[WorkflowState]):
            legend (Legend): Japanese labels of the keys the counts use, for people.
            years (list[TrendYear]):
            data_version (int | None): As in [`PlanSummary`]: `null` in the public trend.
     """

    plan_id: UUID
    from_: int
    to: int
    rating: RatingSource
    states: list[WorkflowState]
    legend: Legend
    years: list[TrendYear]
    data_version: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.legend import Legend # noqa: PLC0415
        from ..models.trend_year import TrendYear # noqa: PLC0415
        plan_id = str(self.plan_id)

        from_ = self.from_

        to = self.to

        rating = self.rating.value

        states = []
        for states_item_data in self.states:
            states_item = states_item_data.value
            states.append(states_item)



        legend = self.legend.to_dict()

        years = []
        for years_item_data in self.years:
            years_item = years_item_data.to_dict()
            years.append(years_item)



        data_version: int | None
        data_version = self.data_version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "plan_id": plan_id,
            "from": from_,
            "to": to,
            "rating": rating,
            "states": states,
            "legend": legend,
            "years": years,
            "data_version": data_version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.legend import Legend # noqa: PLC0415
        from ..models.trend_year import TrendYear # noqa: PLC0415
        d = dict(src_dict)
        plan_id = UUID(d.pop("plan_id"))




        from_ = d.pop("from")

        to = d.pop("to")

        rating = RatingSource(d.pop("rating"))




        states = []
        _states = d.pop("states")
        for states_item_data in (_states):
            states_item = WorkflowState(states_item_data)



            states.append(states_item)


        legend = Legend.from_dict(d.pop("legend"))




        years = []
        _years = d.pop("years")
        for years_item_data in (_years):
            years_item = TrendYear.from_dict(years_item_data)



            years.append(years_item)


        def _parse_data_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        data_version = _parse_data_version(d.pop("data_version"))


        plan_trend = cls(
            plan_id=plan_id,
            from_=from_,
            to=to,
            rating=rating,
            states=states,
            legend=legend,
            years=years,
            data_version=data_version,
        )


        plan_trend.additional_properties = d
        return plan_trend

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
