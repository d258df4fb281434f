from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.direction import Direction
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.baseline import Baseline





T = TypeVar("T", bound="IndicatorInput")



@_attrs_define
class IndicatorInput:
    """ A new indicator or plan-level target.

        Attributes:
            name (str):  Example: 発行部数.
            key (None | str | Unset): Stable key within the plan; default the new indicator's id.
            unit (None | str | Unset):  Example: 部.
            direction (Direction | Unset): Which way is better for an indicator.
            tolerance (float | None | Unset):
            baseline (Baseline | None | Unset):
            final_target (float | None | Unset):
            valid_from_fy (int | None | Unset):
            valid_to_fy (int | None | Unset):
            position (int | None | Unset): Order among the owner's indicators (上段 = 0); default last.
     """

    name: str
    key: None | str | Unset = UNSET
    unit: None | str | Unset = UNSET
    direction: Direction | Unset = UNSET
    tolerance: float | None | Unset = UNSET
    baseline: Baseline | None | Unset = UNSET
    final_target: float | None | Unset = UNSET
    valid_from_fy: int | None | Unset = UNSET
    valid_to_fy: int | None | Unset = UNSET
    position: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.baseline import Baseline # noqa: PLC0415
        name = self.name

        key: None | str | Unset
        if isinstance(self.key, Unset):
            key = UNSET
        else:
            key = self.key

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value


        tolerance: float | None | Unset
        if isinstance(self.tolerance, Unset):
            tolerance = UNSET
        else:
            tolerance = self.tolerance

        baseline: dict[str, Any] | None | Unset
        if isinstance(self.baseline, Unset):
            baseline = UNSET
        elif isinstance(self.baseline, Baseline):
            baseline = self.baseline.to_dict()
        else:
            baseline = self.baseline

        final_target: float | None | Unset
        if isinstance(self.final_target, Unset):
            final_target = UNSET
        else:
            final_target = self.final_target

        valid_from_fy: int | None | Unset
        if isinstance(self.valid_from_fy, Unset):
            valid_from_fy = UNSET
        else:
            valid_from_fy = self.valid_from_fy

        valid_to_fy: int | None | Unset
        if isinstance(self.valid_to_fy, Unset):
            valid_to_fy = UNSET
        else:
            valid_to_fy = self.valid_to_fy

        position: int | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if key is not UNSET:
            field_dict["key"] = key
        if unit is not UNSET:
            field_dict["unit"] = unit
        if direction is not UNSET:
            field_dict["direction"] = direction
        if tolerance is not UNSET:
            field_dict["tolerance"] = tolerance
        if baseline is not UNSET:
            field_dict["baseline"] = baseline
        if final_target is not UNSET:
            field_dict["final_target"] = final_target
        if valid_from_fy is not UNSET:
            field_dict["valid_from_fy"] = valid_from_fy
        if valid_to_fy is not UNSET:
            field_dict["valid_to_fy"] = valid_to_fy
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.baseline import Baseline # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key = _parse_key(d.pop("key", UNSET))


        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))


        _direction = d.pop("direction", UNSET)
        direction: Direction | Unset
        if isinstance(_direction,  Unset):
            direction = UNSET
        else:
            direction = Direction(_direction)




        def _parse_tolerance(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        tolerance = _parse_tolerance(d.pop("tolerance", UNSET))


        def _parse_baseline(data: object) -> Baseline | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                baseline_type_1 = Baseline.from_dict(data)



                return baseline_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Baseline | None | Unset, data)

        baseline = _parse_baseline(d.pop("baseline", UNSET))


        def _parse_final_target(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        final_target = _parse_final_target(d.pop("final_target", UNSET))


        def _parse_valid_from_fy(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        valid_from_fy = _parse_valid_from_fy(d.pop("valid_from_fy", UNSET))


        def _parse_valid_to_fy(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        valid_to_fy = _parse_valid_to_fy(d.pop("valid_to_fy", UNSET))


        def _parse_position(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        position = _parse_position(d.pop("position", UNSET))


        indicator_input = cls(
            name=name,
            key=key,
            unit=unit,
            direction=direction,
            tolerance=tolerance,
            baseline=baseline,
            final_target=final_target,
            valid_from_fy=valid_from_fy,
            valid_to_fy=valid_to_fy,
            position=position,
        )

        return indicator_input

