from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.direction import Direction
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.baseline import Baseline
  from ..models.indicator_value_view import IndicatorValueView





T = TypeVar("T", bound="IndicatorView")



@_attrs_define
class IndicatorView:
    """ An indicator of an initiative, or a plan-level target (then `initiative_id` is `null`).

        Attributes:
            id (UUID):
            plan_id (UUID):
            key (str): Stable key within the plan (plan bundles refer to indicators by it). Example: 1-1.
            name (str):  Example: 発行部数.
            direction (Direction): Which way is better for an indicator.
            direction_label (str):  Example: 増加.
            position (int):
            values (list[IndicatorValueView]): Yearly targets and actuals, oldest first.
            version (int):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            initiative_id (None | Unset | UUID):
            unit (None | str | Unset):  Example: 部.
            tolerance (float | None | Unset): Allowed distance from the target for `maintain` (default 0).
            baseline (Baseline | None | Unset):
            baseline_fiscal_year_label (None | str | Unset):
            final_target (float | None | Unset): Target at the end of the plan period.
            valid_from_fy (int | None | Unset): First FY the definition applies to (`null`: from the plan start).
            valid_from_fy_label (None | str | Unset):
            valid_to_fy (int | None | Unset): Last FY the definition applies to (`null`: to the plan end).
            valid_to_fy_label (None | str | Unset):
            replaces_id (None | Unset | UUID): The indicator this one revised (見直し).
     """

    id: UUID
    plan_id: UUID
    key: str
    name: str
    direction: Direction
    direction_label: str
    position: int
    values: list[IndicatorValueView]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    initiative_id: None | Unset | UUID = UNSET
    unit: None | str | Unset = UNSET
    tolerance: float | None | Unset = UNSET
    baseline: Baseline | None | Unset = UNSET
    baseline_fiscal_year_label: None | str | Unset = UNSET
    final_target: float | None | Unset = UNSET
    valid_from_fy: int | None | Unset = UNSET
    valid_from_fy_label: None | str | Unset = UNSET
    valid_to_fy: int | None | Unset = UNSET
    valid_to_fy_label: None | str | Unset = UNSET
    replaces_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.baseline import Baseline # noqa: PLC0415
        from ..models.indicator_value_view import IndicatorValueView # noqa: PLC0415
        id = str(self.id)

        plan_id = str(self.plan_id)

        key = self.key

        name = self.name

        direction = self.direction.value

        direction_label = self.direction_label

        position = self.position

        values = []
        for values_item_data in self.values:
            values_item = values_item_data.to_dict()
            values.append(values_item)



        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        initiative_id: None | str | Unset
        if isinstance(self.initiative_id, Unset):
            initiative_id = UNSET
        elif isinstance(self.initiative_id, UUID):
            initiative_id = str(self.initiative_id)
        else:
            initiative_id = self.initiative_id

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit

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

        baseline_fiscal_year_label: None | str | Unset
        if isinstance(self.baseline_fiscal_year_label, Unset):
            baseline_fiscal_year_label = UNSET
        else:
            baseline_fiscal_year_label = self.baseline_fiscal_year_label

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

        valid_from_fy_label: None | str | Unset
        if isinstance(self.valid_from_fy_label, Unset):
            valid_from_fy_label = UNSET
        else:
            valid_from_fy_label = self.valid_from_fy_label

        valid_to_fy: int | None | Unset
        if isinstance(self.valid_to_fy, Unset):
            valid_to_fy = UNSET
        else:
            valid_to_fy = self.valid_to_fy

        valid_to_fy_label: None | str | Unset
        if isinstance(self.valid_to_fy_label, Unset):
            valid_to_fy_label = UNSET
        else:
            valid_to_fy_label = self.valid_to_fy_label

        replaces_id: None | str | Unset
        if isinstance(self.replaces_id, Unset):
            replaces_id = UNSET
        elif isinstance(self.replaces_id, UUID):
            replaces_id = str(self.replaces_id)
        else:
            replaces_id = self.replaces_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "plan_id": plan_id,
            "key": key,
            "name": name,
            "direction": direction,
            "direction_label": direction_label,
            "position": position,
            "values": values,
            "version": version,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if initiative_id is not UNSET:
            field_dict["initiative_id"] = initiative_id
        if unit is not UNSET:
            field_dict["unit"] = unit
        if tolerance is not UNSET:
            field_dict["tolerance"] = tolerance
        if baseline is not UNSET:
            field_dict["baseline"] = baseline
        if baseline_fiscal_year_label is not UNSET:
            field_dict["baseline_fiscal_year_label"] = baseline_fiscal_year_label
        if final_target is not UNSET:
            field_dict["final_target"] = final_target
        if valid_from_fy is not UNSET:
            field_dict["valid_from_fy"] = valid_from_fy
        if valid_from_fy_label is not UNSET:
            field_dict["valid_from_fy_label"] = valid_from_fy_label
        if valid_to_fy is not UNSET:
            field_dict["valid_to_fy"] = valid_to_fy
        if valid_to_fy_label is not UNSET:
            field_dict["valid_to_fy_label"] = valid_to_fy_label
        if replaces_id is not UNSET:
            field_dict["replaces_id"] = replaces_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.baseline import Baseline # noqa: PLC0415
        from ..models.indicator_value_view import IndicatorValueView # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        plan_id = UUID(d.pop("plan_id"))




        key = d.pop("key")

        name = d.pop("name")

        direction = Direction(d.pop("direction"))




        direction_label = d.pop("direction_label")

        position = d.pop("position")

        values = []
        _values = d.pop("values")
        for values_item_data in (_values):
            values_item = IndicatorValueView.from_dict(values_item_data)



            values.append(values_item)


        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_initiative_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                initiative_id_type_0 = UUID(data)



                return initiative_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        initiative_id = _parse_initiative_id(d.pop("initiative_id", UNSET))


        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))


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


        def _parse_baseline_fiscal_year_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        baseline_fiscal_year_label = _parse_baseline_fiscal_year_label(d.pop("baseline_fiscal_year_label", UNSET))


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


        def _parse_valid_from_fy_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        valid_from_fy_label = _parse_valid_from_fy_label(d.pop("valid_from_fy_label", UNSET))


        def _parse_valid_to_fy(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        valid_to_fy = _parse_valid_to_fy(d.pop("valid_to_fy", UNSET))


        def _parse_valid_to_fy_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        valid_to_fy_label = _parse_valid_to_fy_label(d.pop("valid_to_fy_label", UNSET))


        def _parse_replaces_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replaces_id_type_0 = UUID(data)



                return replaces_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        replaces_id = _parse_replaces_id(d.pop("replaces_id", UNSET))


        indicator_view = cls(
            id=id,
            plan_id=plan_id,
            key=key,
            name=name,
            direction=direction,
            direction_label=direction_label,
            position=position,
            values=values,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            initiative_id=initiative_id,
            unit=unit,
            tolerance=tolerance,
            baseline=baseline,
            baseline_fiscal_year_label=baseline_fiscal_year_label,
            final_target=final_target,
            valid_from_fy=valid_from_fy,
            valid_from_fy_label=valid_from_fy_label,
            valid_to_fy=valid_to_fy,
            valid_to_fy_label=valid_to_fy_label,
            replaces_id=replaces_id,
        )


        indicator_view.additional_properties = d
        return indicator_view

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
