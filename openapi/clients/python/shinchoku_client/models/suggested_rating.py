from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="SuggestedRating")



@_attrs_define
class SuggestedRating:
    """ The self-rating a plan's rule suggests for a report's year (docs/domain.md, "Rating
    suggestions"). The department still rates.

        Attributes:
            grade (None | str): `null`: too few indicators measurable, or no step of the rule met. Example: B.
            grade_label (None | str):  Example: 概ね進んでいる.
            achieved (int): Indicators valid in the year that met their target. Example: 3.
            measurable (int): Indicators with both a target and an actual. Example: 4.
            indicators (int): Indicators valid in the year. Example: 5.
            reason (str):  Example: 3/4 indicators achieved.
            reason_label (str):  Example: 測定できた指標4件中3件達成.
     """

    grade: None | str
    grade_label: None | str
    achieved: int
    measurable: int
    indicators: int
    reason: str
    reason_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        grade: None | str
        grade = self.grade

        grade_label: None | str
        grade_label = self.grade_label

        achieved = self.achieved

        measurable = self.measurable

        indicators = self.indicators

        reason = self.reason

        reason_label = self.reason_label


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "grade": grade,
            "grade_label": grade_label,
            "achieved": achieved,
            "measurable": measurable,
            "indicators": indicators,
            "reason": reason,
            "reason_label": reason_label,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_grade(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grade = _parse_grade(d.pop("grade"))


        def _parse_grade_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grade_label = _parse_grade_label(d.pop("grade_label"))


        achieved = d.pop("achieved")

        measurable = d.pop("measurable")

        indicators = d.pop("indicators")

        reason = d.pop("reason")

        reason_label = d.pop("reason_label")

        suggested_rating = cls(
            grade=grade,
            grade_label=grade_label,
            achieved=achieved,
            measurable=measurable,
            indicators=indicators,
            reason=reason,
            reason_label=reason_label,
        )


        suggested_rating.additional_properties = d
        return suggested_rating

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
