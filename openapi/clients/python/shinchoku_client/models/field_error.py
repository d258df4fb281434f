from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="FieldError")



@_attrs_define
class FieldError:
    """ One invalid field of a request.

        Attributes:
            field (str): JSON pointer of the bad field in the request body (`/nodes/3/title`),
                or `/query/<name>` / `/path/<name>` for parameters. Example: /title.
            code (str): Stable machine-readable reason, for clients to translate (`required`, `unknown_field`,
                `invalid_type`, `enum`, `format`, `min_length`, `max_length`, `blank`, `minimum`,
                `maximum`, `min_items`, `max_items`, `control_character`, `unknown_parameter`,
                `repeated`, `malformed_json`, and rules of the domain such as `fiscal_year_out_of_range`,
                `duplicate`, `not_found`, `cycle`; docs/api.md lists them). Example: max_length.
            message (str): What is wrong, for a person (English; translate by `code`). Example: must be at most 300
                characters (it has 301).
            row (int | None): For an uploaded progress sheet: the sheet row of the bad cell (as Excel numbers it); else
                `null`. Example: 12.
            column (None | str): For an uploaded progress sheet: the column's header (`実績`); else `null`. Example: 実績.
            current_value (None | str): For an edit conflict of an uploaded progress sheet: the value stored now, which
                someone
                else wrote after the sheet was downloaded; else `null`. Example: 配置人数 18人.
            your_value (None | str): For an edit conflict of an uploaded progress sheet: the value of the uploaded cell;
                else `null`. Example: 配置人数 20人.
     """

    field: str
    code: str
    message: str
    row: int | None
    column: None | str
    current_value: None | str
    your_value: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        field = self.field

        code = self.code

        message = self.message

        row: int | None
        row = self.row

        column: None | str
        column = self.column

        current_value: None | str
        current_value = self.current_value

        your_value: None | str
        your_value = self.your_value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "field": field,
            "code": code,
            "message": message,
            "row": row,
            "column": column,
            "current_value": current_value,
            "your_value": your_value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field = d.pop("field")

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


        def _parse_current_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        current_value = _parse_current_value(d.pop("current_value"))


        def _parse_your_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        your_value = _parse_your_value(d.pop("your_value"))


        field_error = cls(
            field=field,
            code=code,
            message=message,
            row=row,
            column=column,
            current_value=current_value,
            your_value=your_value,
        )


        field_error.additional_properties = d
        return field_error

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
