from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.legend_scale import LegendScale





T = TypeVar("T", bound="PublicLegend")



@_attrs_define
class PublicLegend:
    """ The legend of every distribution of a public summary.

        Attributes:
            ratings (LegendScale): What one distribution counts, and its buckets in order.
            progress (LegendScale): What one distribution counts, and its buckets in order.
            quarter_marks (LegendScale): What one distribution counts, and its buckets in order.
            indicators (LegendScale): What one distribution counts, and its buckets in order.
     """

    ratings: LegendScale
    progress: LegendScale
    quarter_marks: LegendScale
    indicators: LegendScale
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.legend_scale import LegendScale # noqa: PLC0415
        ratings = self.ratings.to_dict()

        progress = self.progress.to_dict()

        quarter_marks = self.quarter_marks.to_dict()

        indicators = self.indicators.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ratings": ratings,
            "progress": progress,
            "quarter_marks": quarter_marks,
            "indicators": indicators,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.legend_scale import LegendScale # noqa: PLC0415
        d = dict(src_dict)
        ratings = LegendScale.from_dict(d.pop("ratings"))




        progress = LegendScale.from_dict(d.pop("progress"))




        quarter_marks = LegendScale.from_dict(d.pop("quarter_marks"))




        indicators = LegendScale.from_dict(d.pop("indicators"))




        public_legend = cls(
            ratings=ratings,
            progress=progress,
            quarter_marks=quarter_marks,
            indicators=indicators,
        )


        public_legend.additional_properties = d
        return public_legend

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
