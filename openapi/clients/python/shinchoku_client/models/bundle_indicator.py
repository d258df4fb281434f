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
  from ..models.bundle_baseline import BundleBaseline





T = TypeVar("T", bound="BundleIndicator")



@_attrs_define
class BundleIndicator:
    """ 
        Attributes:
            key (str):  Example: 1-1.
            name (str):  Example: 発行部数.
            unit (None | str | Unset):  Example: 部.
            direction (Direction | None | Unset):
            tolerance (float | None | Unset):
            baseline (BundleBaseline | None | Unset):
            final_target (float | None | Unset):
            valid_from_fy (int | None | str | Unset):
            valid_to_fy (int | None | str | Unset):
            replaces_key (None | str | Unset): Key of the indicator this one revised. Absent: inferred when exactly one
                indicator
                of the initiative ends the FY before this one starts.
     """

    key: str
    name: str
    unit: None | str | Unset = UNSET
    direction: Direction | None | Unset = UNSET
    tolerance: float | None | Unset = UNSET
    baseline: BundleBaseline | None | Unset = UNSET
    final_target: float | None | Unset = UNSET
    valid_from_fy: int | None | str | Unset = UNSET
    valid_to_fy: int | None | str | Unset = UNSET
    replaces_key: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.bundle_baseline import BundleBaseline # noqa: PLC0415
        key = self.key

        name = self.name

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit

        direction: None | str | Unset
        if isinstance(self.direction, Unset):
            direction = UNSET
        elif isinstance(self.direction, Direction):
            direction = self.direction.value
        else:
            direction = self.direction

        tolerance: float | None | Unset
        if isinstance(self.tolerance, Unset):
            tolerance = UNSET
        else:
            tolerance = self.tolerance

        baseline: dict[str, Any] | None | Unset
        if isinstance(self.baseline, Unset):
            baseline = UNSET
        elif isinstance(self.baseline, BundleBaseline):
            baseline = self.baseline.to_dict()
        else:
            baseline = self.baseline

        final_target: float | None | Unset
        if isinstance(self.final_target, Unset):
            final_target = UNSET
        else:
            final_target = self.final_target

        valid_from_fy: int | None | str | Unset
        if isinstance(self.valid_from_fy, Unset):
            valid_from_fy = UNSET
        else:
            valid_from_fy = self.valid_from_fy

        valid_to_fy: int | None | str | Unset
        if isinstance(self.valid_to_fy, Unset):
            valid_to_fy = UNSET
        else:
            valid_to_fy = self.valid_to_fy

        replaces_key: None | str | Unset
        if isinstance(self.replaces_key, Unset):
            replaces_key = UNSET
        else:
            replaces_key = self.replaces_key


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "key": key,
            "name": name,
        })
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
        if replaces_key is not UNSET:
            field_dict["replaces_key"] = replaces_key

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bundle_baseline import BundleBaseline # noqa: PLC0415
        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))


        def _parse_direction(data: object) -> Direction | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                direction_type_1 = Direction(data)



                return direction_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Direction | None | Unset, data)

        direction = _parse_direction(d.pop("direction", UNSET))


        def _parse_tolerance(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        tolerance = _parse_tolerance(d.pop("tolerance", UNSET))


        def _parse_baseline(data: object) -> BundleBaseline | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                baseline_type_1 = BundleBaseline.from_dict(data)



                return baseline_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BundleBaseline | None | Unset, data)

        baseline = _parse_baseline(d.pop("baseline", UNSET))


        def _parse_final_target(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        final_target = _parse_final_target(d.pop("final_target", UNSET))


        def _parse_valid_from_fy(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        valid_from_fy = _parse_valid_from_fy(d.pop("valid_from_fy", UNSET))


        def _parse_valid_to_fy(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        valid_to_fy = _parse_valid_to_fy(d.pop("valid_to_fy", UNSET))


        def _parse_replaces_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        replaces_key = _parse_replaces_key(d.pop("replaces_key", UNSET))


        bundle_indicator = cls(
            key=key,
            name=name,
            unit=unit,
            direction=direction,
            tolerance=tolerance,
            baseline=baseline,
            final_target=final_target,
            valid_from_fy=valid_from_fy,
            valid_to_fy=valid_to_fy,
            replaces_key=replaces_key,
        )

        return bundle_indicator

