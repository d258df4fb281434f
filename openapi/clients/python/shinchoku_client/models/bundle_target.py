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
  from ..models.bundle_target_year import BundleTargetYear





T = TypeVar("T", bound="BundleTarget")



@_attrs_define
class BundleTarget:
    """ 
        Attributes:
            name (str):  Example: 会員数.
            key (None | str | Unset): Default `target-<n>` (1-based position).
            unit (None | str | Unset):  Example: 人.
            direction (Direction | None | Unset):
            tolerance (float | None | Unset):
            baseline (BundleBaseline | None | Unset):
            final_target (float | None | Unset):  Example: 3000.
            years (list[BundleTargetYear] | Unset):
     """

    name: str
    key: None | str | Unset = UNSET
    unit: None | str | Unset = UNSET
    direction: Direction | None | Unset = UNSET
    tolerance: float | None | Unset = UNSET
    baseline: BundleBaseline | None | Unset = UNSET
    final_target: float | None | Unset = UNSET
    years: list[BundleTargetYear] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.bundle_baseline import BundleBaseline # noqa: PLC0415
        from ..models.bundle_target_year import BundleTargetYear # noqa: PLC0415
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

        years: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.years, Unset):
            years = []
            for years_item_data in self.years:
                years_item = years_item_data.to_dict()
                years.append(years_item)




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
        if years is not UNSET:
            field_dict["years"] = years

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bundle_baseline import BundleBaseline # noqa: PLC0415
        from ..models.bundle_target_year import BundleTargetYear # noqa: PLC0415
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


        _years = d.pop("years", UNSET)
        years: list[BundleTargetYear] | Unset = UNSET
        if _years is not UNSET:
            years = []
            for years_item_data in _years:
                years_item = BundleTargetYear.from_dict(years_item_data)



                years.append(years_item)


        bundle_target = cls(
            name=name,
            key=key,
            unit=unit,
            direction=direction,
            tolerance=tolerance,
            baseline=baseline,
            final_target=final_target,
            years=years,
        )

        return bundle_target

