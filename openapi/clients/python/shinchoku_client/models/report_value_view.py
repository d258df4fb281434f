from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.direction import Direction
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.achievement import Achievement





T = TypeVar("T", bound="ReportValueView")



@_attrs_define
class ReportValueView:
    """ An indicator's value in the report's year, with its achievement (Rule 4).

        Attributes:
            indicator_id (UUID):
            indicator_key (str):  Example: 1-1.
            indicator_name (str):  Example: 発行部数.
            unit (None | str):  Example: 部.
            direction (Direction): Which way is better for an indicator.
            target (float | None):
            actual (float | None):  Example: 2300.
            raw (None | str): The cell as printed (`15/664`, `12 書面会議`). Example: 2,300.
            achievement (Achievement): The verdict for one indicator and FY.
     """

    indicator_id: UUID
    indicator_key: str
    indicator_name: str
    unit: None | str
    direction: Direction
    target: float | None
    actual: float | None
    raw: None | str
    achievement: Achievement
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.achievement import Achievement # noqa: PLC0415
        indicator_id = str(self.indicator_id)

        indicator_key = self.indicator_key

        indicator_name = self.indicator_name

        unit: None | str
        unit = self.unit

        direction = self.direction.value

        target: float | None
        target = self.target

        actual: float | None
        actual = self.actual

        raw: None | str
        raw = self.raw

        achievement = self.achievement.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "indicator_id": indicator_id,
            "indicator_key": indicator_key,
            "indicator_name": indicator_name,
            "unit": unit,
            "direction": direction,
            "target": target,
            "actual": actual,
            "raw": raw,
            "achievement": achievement,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.achievement import Achievement # noqa: PLC0415
        d = dict(src_dict)
        indicator_id = UUID(d.pop("indicator_id"))




        indicator_key = d.pop("indicator_key")

        indicator_name = d.pop("indicator_name")

        def _parse_unit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unit = _parse_unit(d.pop("unit"))


        direction = Direction(d.pop("direction"))




        def _parse_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        target = _parse_target(d.pop("target"))


        def _parse_actual(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        actual = _parse_actual(d.pop("actual"))


        def _parse_raw(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        raw = _parse_raw(d.pop("raw"))


        achievement = Achievement.from_dict(d.pop("achievement"))




        report_value_view = cls(
            indicator_id=indicator_id,
            indicator_key=indicator_key,
            indicator_name=indicator_name,
            unit=unit,
            direction=direction,
            target=target,
            actual=actual,
            raw=raw,
            achievement=achievement,
        )


        report_value_view.additional_properties = d
        return report_value_view

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
