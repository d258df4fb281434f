from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.direction import Direction
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
            initiative_id (None | UUID):
            key (str): Stable key within the plan (plan bundles refer to indicators by it). Example: 1-1.
            name (str):  Example: 発行部数.
            unit (None | str):  Example: 部.
            direction (Direction): Which way is better for an indicator.
            direction_label (str):  Example: 増加.
            tolerance (float | None): Allowed distance from the target for `maintain` (default 0).
            baseline (Baseline | None):
            baseline_fiscal_year_label (None | str):
            final_target (float | None): Target at the end of the plan period.
            valid_from_fy (int | None): First FY the definition applies to (`null`: from the plan start).
            valid_from_fy_label (None | str):
            valid_to_fy (int | None): Last FY the definition applies to (`null`: to the plan end).
            valid_to_fy_label (None | str):
            replaces_id (None | UUID): The indicator this one revised (見直し).
            position (int):
            values (list[IndicatorValueView]): Yearly targets and actuals, oldest first.
            version (int):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    plan_id: UUID
    initiative_id: None | UUID
    key: str
    name: str
    unit: None | str
    direction: Direction
    direction_label: str
    tolerance: float | None
    baseline: Baseline | None
    baseline_fiscal_year_label: None | str
    final_target: float | None
    valid_from_fy: int | None
    valid_from_fy_label: None | str
    valid_to_fy: int | None
    valid_to_fy_label: None | str
    replaces_id: None | UUID
    position: int
    values: list[IndicatorValueView]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.baseline import Baseline # noqa: PLC0415
        from ..models.indicator_value_view import IndicatorValueView # noqa: PLC0415
        id = str(self.id)

        plan_id = str(self.plan_id)

        initiative_id: None | str
        if isinstance(self.initiative_id, UUID):
            initiative_id = str(self.initiative_id)
        else:
            initiative_id = self.initiative_id

        key = self.key

        name = self.name

        unit: None | str
        unit = self.unit

        direction = self.direction.value

        direction_label = self.direction_label

        tolerance: float | None
        tolerance = self.tolerance

        baseline: dict[str, Any] | None
        if isinstance(self.baseline, Baseline):
            baseline = self.baseline.to_dict()
        else:
            baseline = self.baseline

        baseline_fiscal_year_label: None | str
        baseline_fiscal_year_label = self.baseline_fiscal_year_label

        final_target: float | None
        final_target = self.final_target

        valid_from_fy: int | None
        valid_from_fy = self.valid_from_fy

        valid_from_fy_label: None | str
        valid_from_fy_label = self.valid_from_fy_label

        valid_to_fy: int | None
        valid_to_fy = self.valid_to_fy

        valid_to_fy_label: None | str
        valid_to_fy_label = self.valid_to_fy_label

        replaces_id: None | str
        if isinstance(self.replaces_id, UUID):
            replaces_id = str(self.replaces_id)
        else:
            replaces_id = self.replaces_id

        position = self.position

        values = []
        for values_item_data in self.values:
            values_item = values_item_data.to_dict()
            values.append(values_item)



        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "plan_id": plan_id,
            "initiative_id": initiative_id,
            "key": key,
            "name": name,
            "unit": unit,
            "direction": direction,
            "direction_label": direction_label,
            "tolerance": tolerance,
            "baseline": baseline,
            "baseline_fiscal_year_label": baseline_fiscal_year_label,
            "final_target": final_target,
            "valid_from_fy": valid_from_fy,
            "valid_from_fy_label": valid_from_fy_label,
            "valid_to_fy": valid_to_fy,
            "valid_to_fy_label": valid_to_fy_label,
            "replaces_id": replaces_id,
            "position": position,
            "values": values,
            "version": version,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.baseline import Baseline # noqa: PLC0415
        from ..models.indicator_value_view import IndicatorValueView # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        plan_id = UUID(d.pop("plan_id"))




        def _parse_initiative_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                initiative_id_type_0 = UUID(data)



                return initiative_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        initiative_id = _parse_initiative_id(d.pop("initiative_id"))


        key = d.pop("key")

        name = d.pop("name")

        def _parse_unit(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unit = _parse_unit(d.pop("unit"))


        direction = Direction(d.pop("direction"))




        direction_label = d.pop("direction_label")

        def _parse_tolerance(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        tolerance = _parse_tolerance(d.pop("tolerance"))


        def _parse_baseline(data: object) -> Baseline | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                baseline_type_1 = Baseline.from_dict(data)



                return baseline_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Baseline | None, data)

        baseline = _parse_baseline(d.pop("baseline"))


        def _parse_baseline_fiscal_year_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        baseline_fiscal_year_label = _parse_baseline_fiscal_year_label(d.pop("baseline_fiscal_year_label"))


        def _parse_final_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        final_target = _parse_final_target(d.pop("final_target"))


        def _parse_valid_from_fy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        valid_from_fy = _parse_valid_from_fy(d.pop("valid_from_fy"))


        def _parse_valid_from_fy_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        valid_from_fy_label = _parse_valid_from_fy_label(d.pop("valid_from_fy_label"))


        def _parse_valid_to_fy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        valid_to_fy = _parse_valid_to_fy(d.pop("valid_to_fy"))


        def _parse_valid_to_fy_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        valid_to_fy_label = _parse_valid_to_fy_label(d.pop("valid_to_fy_label"))


        def _parse_replaces_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replaces_id_type_0 = UUID(data)



                return replaces_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        replaces_id = _parse_replaces_id(d.pop("replaces_id"))


        position = d.pop("position")

        values = []
        _values = d.pop("values")
        for values_item_data in (_values):
            values_item = IndicatorValueView.from_dict(values_item_data)



            values.append(values_item)


        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        indicator_view = cls(
            id=id,
            plan_id=plan_id,
            initiative_id=initiative_id,
            key=key,
            name=name,
            unit=unit,
            direction=direction,
            direction_label=direction_label,
            tolerance=tolerance,
            baseline=baseline,
            baseline_fiscal_year_label=baseline_fiscal_year_label,
            final_target=final_target,
            valid_from_fy=valid_from_fy,
            valid_from_fy_label=valid_from_fy_label,
            valid_to_fy=valid_to_fy,
            valid_to_fy_label=valid_to_fy_label,
            replaces_id=replaces_id,
            position=position,
            values=values,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
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
