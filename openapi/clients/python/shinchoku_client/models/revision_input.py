from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.direction import Direction
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RevisionInput")



@_attrs_define
class RevisionInput:
    """ A revision (見直し): the definition changes from `from_fy`.

        Attributes:
            from_fy (int): First FY of the new definition; the old one ends the FY before. Example: 2022.
            name (str):  Example: 福祉事務所内専門職等配置数.
            key (None | str | Unset):
            unit (None | str | Unset): Default: the old indicator's unit.
            direction (Direction | None | Unset):
            tolerance (float | None | Unset):
            final_target (float | None | Unset):
     """

    from_fy: int
    name: str
    key: None | str | Unset = UNSET
    unit: None | str | Unset = UNSET
    direction: Direction | None | Unset = UNSET
    tolerance: float | None | Unset = UNSET
    final_target: float | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from_fy = self.from_fy

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

        final_target: float | None | Unset
        if isinstance(self.final_target, Unset):
            final_target = UNSET
        else:
            final_target = self.final_target


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "from_fy": from_fy,
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
        if final_target is not UNSET:
            field_dict["final_target"] = final_target

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_fy = d.pop("from_fy")

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


        def _parse_final_target(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        final_target = _parse_final_target(d.pop("final_target", UNSET))


        revision_input = cls(
            from_fy=from_fy,
            name=name,
            key=key,
            unit=unit,
            direction=direction,
            tolerance=tolerance,
            final_target=final_target,
        )

        return revision_input

