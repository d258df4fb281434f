from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="CellChange")



@_attrs_define
class CellChange:
    """ One cell an upload writes.

        Attributes:
            row (int): The sheet row, as the spreadsheet application numbers it. Example: 12.
            column (str):  Example: 実績.
            initiative_key (str):  Example: 40.
            old (None | str): The value stored now (`null`: empty). Example: 配置人数 18人.
            new (None | str): The value written (`null`: emptied). Example: 配置人数 20人.
     """

    row: int
    column: str
    initiative_key: str
    old: None | str
    new: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        row = self.row

        column = self.column

        initiative_key = self.initiative_key

        old: None | str
        old = self.old

        new: None | str
        new = self.new


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "row": row,
            "column": column,
            "initiative_key": initiative_key,
            "old": old,
            "new": new,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        row = d.pop("row")

        column = d.pop("column")

        initiative_key = d.pop("initiative_key")

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


        cell_change = cls(
            row=row,
            column=column,
            initiative_key=initiative_key,
            old=old,
            new=new,
        )


        cell_change.additional_properties = d
        return cell_change

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
