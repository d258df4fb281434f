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





T = TypeVar("T", bound="PlanTargetYear")



@_attrs_define
class PlanTargetYear:
    """ A plan-level target (計画期間の目標) in one fiscal year.

        Attributes:
            id (UUID):
            key (str):  Example: T1.
            name (str):  Example: 社協会員数.
            unit (None | str):
            direction (Direction): Which way is better for an indicator.
            baseline_value (float | None): 現状: the value when the plan was made, and its FY.
            baseline_fy (int | None):
            baseline_fy_label (None | str):
            final_target (float | None): 目標: the value to reach by the end of the plan.
            target (float | None): The year's target and actual (`null` when not recorded), and the cell as written.
            actual (float | None):
            raw (None | str):
            achievement (Achievement): The verdict for one indicator and FY.
     """

    id: UUID
    key: str
    name: str
    unit: None | str
    direction: Direction
    baseline_value: float | None
    baseline_fy: int | None
    baseline_fy_label: None | str
    final_target: float | None
    target: float | None
    actual: float | None
    raw: None | str
    achievement: Achievement
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.achievement import Achievement # noqa: PLC0415
        id = str(self.id)

        key = self.key

        name = self.name

        unit: None | str
        unit = self.unit

        direction = self.direction.value

        baseline_value: float | None
        baseline_value = self.baseline_value

        baseline_fy: int | None
        baseline_fy = self.baseline_fy

        baseline_fy_label: None | str
        baseline_fy_label = self.baseline_fy_label

        final_target: float | None
        final_target = self.final_target

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
            "id": id,
            "key": key,
            "name": name,
            "unit": unit,
            "direction": direction,
            "baseline_value": baseline_value,
            "baseline_fy": baseline_fy,
            "baseline_fy_label": baseline_fy_label,
            "final_target": final_target,
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
        id = UUID(d.pop("id"))




        key = d.pop("key")

        name = d.pop("name")

        def _parse_unit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unit = _parse_unit(d.pop("unit"))


        direction = Direction(d.pop("direction"))




        def _parse_baseline_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        baseline_value = _parse_baseline_value(d.pop("baseline_value"))


        def _parse_baseline_fy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        baseline_fy = _parse_baseline_fy(d.pop("baseline_fy"))


        def _parse_baseline_fy_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        baseline_fy_label = _parse_baseline_fy_label(d.pop("baseline_fy_label"))


        def _parse_final_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        final_target = _parse_final_target(d.pop("final_target"))


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




        plan_target_year = cls(
            id=id,
            key=key,
            name=name,
            unit=unit,
            direction=direction,
            baseline_value=baseline_value,
            baseline_fy=baseline_fy,
            baseline_fy_label=baseline_fy_label,
            final_target=final_target,
            target=target,
            actual=actual,
            raw=raw,
            achievement=achievement,
        )


        plan_target_year.additional_properties = d
        return plan_target_year

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
