from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="RatingShare")



@_attrs_define
class RatingShare:
    """ One grade of a rating distribution.

        Attributes:
            grade (None | str): The grade's code; `null` for 未評価 (no published rating). Example: A.
            label (str):  Example: 順調に進んでいる.
            count (int):  Example: 31.
            share (float): `count` over the initiatives counted, rounded to three decimals. Example: 0.646.
     """

    grade: None | str
    label: str
    count: int
    share: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        grade: None | str
        grade = self.grade

        label = self.label

        count = self.count

        share = self.share


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "grade": grade,
            "label": label,
            "count": count,
            "share": share,
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


        label = d.pop("label")

        count = d.pop("count")

        share = d.pop("share")

        rating_share = cls(
            grade=grade,
            label=label,
            count=count,
            share=share,
        )


        rating_share.additional_properties = d
        return rating_share

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
