from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.achievement_status import AchievementStatus
from typing import cast






T = TypeVar("T", bound="Achievement")



@_attrs_define
class Achievement:
    """ The verdict for one indicator and FY.

        Attributes:
            status (AchievementStatus): Whether an indicator met its target in a fiscal year.
            status_label (str):  Example: 達成.
            ratio (float | None): How far the target was reached (1.0 = exactly): actual / target for `increase` and
                `maintain`, target / actual for `decrease` (1.0 when the actual is 0). `null` when not
                measurable or when the ratio has no meaning (a target of 0 to increase from, negative
                numbers, a number stored before the range every entry point enforces). Example: 1.15.
     """

    status: AchievementStatus
    status_label: str
    ratio: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        status_label = self.status_label

        ratio: float | None
        ratio = self.ratio


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "status_label": status_label,
            "ratio": ratio,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = AchievementStatus(d.pop("status"))




        status_label = d.pop("status_label")

        def _parse_ratio(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        ratio = _parse_ratio(d.pop("ratio"))


        achievement = cls(
            status=status,
            status_label=status_label,
            ratio=ratio,
        )


        achievement.additional_properties = d
        return achievement

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
