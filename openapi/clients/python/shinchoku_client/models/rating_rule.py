from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.rating_step import RatingStep





T = TypeVar("T", bound="RatingRule")



@_attrs_define
class RatingRule:
    """ A plan's rule for suggesting a self-rating (評価の目安). The steps are tried in order; the
    first whose threshold the share of achieved indicators meets gives the grade. The share is
    taken over the measurable indicators only (target and actual both given), and only when
    enough of them are measurable.

        Example:
            {'steps': [{'grade': 'A', 'at_least': 1.0}, {'grade': 'B', 'at_least': 0.5}, {'grade': 'C', 'more_than': 0.0},
                {'grade': 'D', 'at_least': 0.0}], 'min_measurable': 1, 'min_measurable_share': 0.0}

        Attributes:
            steps (list[RatingStep]): From the highest threshold to the lowest; every grade one of the plan's scale.
            min_measurable (int | Unset): The fewest measurable indicators a suggestion needs (default 1). Default: 1.
                Example: 1.
            min_measurable_share (float | Unset): The least share of the year's indicators that must be measurable, 0–1
                (default 0: any share,
                `1`: every indicator). Default: 0.0. Example: 0.5.
     """

    steps: list[RatingStep]
    min_measurable: int | Unset = 1
    min_measurable_share: float | Unset = 0.0





    def to_dict(self) -> dict[str, Any]:
        from ..models.rating_step import RatingStep # noqa: PLC0415
        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)



        min_measurable = self.min_measurable

        min_measurable_share = self.min_measurable_share


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "steps": steps,
        })
        if min_measurable is not UNSET:
            field_dict["min_measurable"] = min_measurable
        if min_measurable_share is not UNSET:
            field_dict["min_measurable_share"] = min_measurable_share

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rating_step import RatingStep # noqa: PLC0415
        d = dict(src_dict)
        steps = []
        _steps = d.pop("steps")
        for steps_item_data in (_steps):
            steps_item = RatingStep.from_dict(steps_item_data)



            steps.append(steps_item)


        min_measurable = d.pop("min_measurable", UNSET)

        min_measurable_share = d.pop("min_measurable_share", UNSET)

        rating_rule = cls(
            steps=steps,
            min_measurable=min_measurable,
            min_measurable_share=min_measurable_share,
        )

        return rating_rule

