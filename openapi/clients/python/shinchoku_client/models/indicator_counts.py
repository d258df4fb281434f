from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="IndicatorCounts")



@_attrs_define
class IndicatorCounts:
    """ Indicators of the counted initiatives valid in the year, by achievement (DOMAIN Rule 4).

        Attributes:
            achieved (int):
            not_achieved (int):
            not_measurable (int): Target or actual missing (or in a report the caller may not see).
            mean_achievement_ratio (float | None): Mean of the achievement ratios that exist (see `Achievement.ratio`);
                `null` when none does. Example: 1.04.
     """

    achieved: int
    not_achieved: int
    not_measurable: int
    mean_achievement_ratio: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        achieved = self.achieved

        not_achieved = self.not_achieved

        not_measurable = self.not_measurable

        mean_achievement_ratio: float | None
        mean_achievement_ratio = self.mean_achievement_ratio


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "achieved": achieved,
            "not_achieved": not_achieved,
            "not_measurable": not_measurable,
            "mean_achievement_ratio": mean_achievement_ratio,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        achieved = d.pop("achieved")

        not_achieved = d.pop("not_achieved")

        not_measurable = d.pop("not_measurable")

        def _parse_mean_achievement_ratio(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean_achievement_ratio = _parse_mean_achievement_ratio(d.pop("mean_achievement_ratio"))


        indicator_counts = cls(
            achieved=achieved,
            not_achieved=not_achieved,
            not_measurable=not_measurable,
            mean_achievement_ratio=mean_achievement_ratio,
        )


        indicator_counts.additional_properties = d
        return indicator_counts

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
