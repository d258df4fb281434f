from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.direction import Direction
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="TimelineIndicator")



@_attrs_define
class TimelineIndicator:
    """ An indicator as the timeline lists it: which years its definition covers.

        Attributes:
            id (UUID):
            key (str):  Example: 9-2.
            name (str):  Example: R4~ 福祉事務所内専門職等配置数.
            unit (None | str):
            direction (Direction): Which way is better for an indicator.
            valid_from_fy (int | None):
            valid_to_fy (int | None):
            replaces_id (None | UUID): The indicator this one revised (見直し).
     """

    id: UUID
    key: str
    name: str
    unit: None | str
    direction: Direction
    valid_from_fy: int | None
    valid_to_fy: int | None
    replaces_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        name = self.name

        unit: None | str
        unit = self.unit

        direction = self.direction.value

        valid_from_fy: int | None
        valid_from_fy = self.valid_from_fy

        valid_to_fy: int | None
        valid_to_fy = self.valid_to_fy

        replaces_id: None | str
        if isinstance(self.replaces_id, UUID):
            replaces_id = str(self.replaces_id)
        else:
            replaces_id = self.replaces_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "key": key,
            "name": name,
            "unit": unit,
            "direction": direction,
            "valid_from_fy": valid_from_fy,
            "valid_to_fy": valid_to_fy,
            "replaces_id": replaces_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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




        def _parse_valid_from_fy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        valid_from_fy = _parse_valid_from_fy(d.pop("valid_from_fy"))


        def _parse_valid_to_fy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        valid_to_fy = _parse_valid_to_fy(d.pop("valid_to_fy"))


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


        timeline_indicator = cls(
            id=id,
            key=key,
            name=name,
            unit=unit,
            direction=direction,
            valid_from_fy=valid_from_fy,
            valid_to_fy=valid_to_fy,
            replaces_id=replaces_id,
        )


        timeline_indicator.additional_properties = d
        return timeline_indicator

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
