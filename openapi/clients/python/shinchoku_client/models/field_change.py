from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="FieldChange")



@_attrs_define
class FieldChange:
    """ One field that differs between two versions (`null`: empty, or absent in that version).

        Attributes:
            field (str): `result_text`, `quarters.2.mark`, `indicator_values.9-2.actual`, … Example: result_text.
            old (None | str): The value before, as text. Example: 配置人数 18人.
            new (None | str): The value after, as text. Example: 配置人数 19人.
     """

    field: str
    old: None | str
    new: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        field = self.field

        old: None | str
        old = self.old

        new: None | str
        new = self.new


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "field": field,
            "old": old,
            "new": new,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = d.pop("field")

        def _parse_old(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        old = _parse_old(d.pop("old"))


        def _parse_new(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        new = _parse_new(d.pop("new"))


        field_change = cls(
            field=field,
            old=old,
            new=new,
        )


        field_change.additional_properties = d
        return field_change

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
