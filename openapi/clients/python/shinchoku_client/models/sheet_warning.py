from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="SheetWarning")



@_attrs_define
class SheetWarning:
    """ Something in the upload that was not imported, or how it was compared.

        Attributes:
            code (str): `read_only_column`, `unknown_column`, `missing_column`, `unknown_initiative`,
                `no_version`, `kept_mine`. Example: read_only_column.
            message (str): For the clerk, in Japanese. Example: 行 12, 列 取組: 灰色の列は取り込まれません（変更は無視しました）.
            row (int | None):  Example: 12.
            column (None | str):  Example: 取組.
     """

    code: str
    message: str
    row: int | None
    column: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        row: int | None
        row = self.row

        column: None | str
        column = self.column


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "message": message,
            "row": row,
            "column": column,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        def _parse_row(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        row = _parse_row(d.pop("row"))


        def _parse_column(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        column = _parse_column(d.pop("column"))


        sheet_warning = cls(
            code=code,
            message=message,
            row=row,
            column=column,
        )


        sheet_warning.additional_properties = d
        return sheet_warning

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
