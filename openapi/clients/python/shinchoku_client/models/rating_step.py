from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RatingStep")



@_attrs_define
class RatingStep:
    """ One step of a rule: a grade and its threshold, `at_least` or `more_than` (exactly one).

        Attributes:
            grade (str): A grade of the plan's rating scale. Example: B.
            at_least (float | None | Unset): Met when the share of measurable indicators achieved is at least this (0–1).
                Example: 0.5.
            more_than (float | None | Unset): Met when the share is more than this (0–1): `0` means at least one achieved.
     """

    grade: str
    at_least: float | None | Unset = UNSET
    more_than: float | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        at_least: float | None | Unset
        if isinstance(self.at_least, Unset):
            at_least = UNSET
        else:
            at_least = self.at_least

        more_than: float | None | Unset
        if isinstance(self.more_than, Unset):
            more_than = UNSET
        else:
            more_than = self.more_than


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "grade": grade,
        })
        if at_least is not UNSET:
            field_dict["at_least"] = at_least
        if more_than is not UNSET:
            field_dict["more_than"] = more_than

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grade = d.pop("grade")

        def _parse_at_least(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        at_least = _parse_at_least(d.pop("at_least", UNSET))


        def _parse_more_than(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        more_than = _parse_more_than(d.pop("more_than", UNSET))


        rating_step = cls(
            grade=grade,
            at_least=at_least,
            more_than=more_than,
        )

        return rating_step

