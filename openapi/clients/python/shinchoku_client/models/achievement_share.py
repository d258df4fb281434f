from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.achievement_status import AchievementStatus






T = TypeVar("T", bound="AchievementShare")



@_attrs_define
class AchievementShare:
    """ One verdict of an indicator distribution.

        Attributes:
            achievement (AchievementStatus): Whether an indicator met its target in a fiscal year.
            label (str):  Example: 達成.
            count (int):  Example: 12.
            share (float):  Example: 0.6.
     """

    achievement: AchievementStatus
    label: str
    count: int
    share: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        achievement = self.achievement.value

        label = self.label

        count = self.count

        share = self.share


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "achievement": achievement,
            "label": label,
            "count": count,
            "share": share,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        achievement = AchievementStatus(d.pop("achievement"))




        label = d.pop("label")

        count = d.pop("count")

        share = d.pop("share")

        achievement_share = cls(
            achievement=achievement,
            label=label,
            count=count,
            share=share,
        )


        achievement_share.additional_properties = d
        return achievement_share

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
