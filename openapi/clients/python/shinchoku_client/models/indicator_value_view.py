from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="IndicatorValueView")



@_attrs_define
class IndicatorValueView:
    """ A target and an actual for one fiscal year. `raw` keeps the cell as printed (`15/664`, `12 書面会議`).

        Attributes:
            fiscal_year (int):  Example: 2022.
            fiscal_year_label (str):  Example: 令和4年度.
            target (float | None):
            actual (float | None):  Example: 2300.
            raw (None | str):  Example: 2,300 1,990.
     """

    fiscal_year: int
    fiscal_year_label: str
    target: float | None
    actual: float | None
    raw: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        fiscal_year = self.fiscal_year

        fiscal_year_label = self.fiscal_year_label

        target: float | None
        target = self.target

        actual: float | None
        actual = self.actual

        raw: None | str
        raw = self.raw


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "fiscal_year": fiscal_year,
            "fiscal_year_label": fiscal_year_label,
            "target": target,
            "actual": actual,
            "raw": raw,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        fiscal_year_label = d.pop("fiscal_year_label")

        def _parse_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        target = _parse_target(d.pop("target"))


        def _parse_actual(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        actual = _parse_actual(d.pop("actual"))


        def _parse_raw(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        raw = _parse_raw(d.pop("raw"))


        indicator_value_view = cls(
            fiscal_year=fiscal_year,
            fiscal_year_label=fiscal_year_label,
            target=target,
            actual=actual,
            raw=raw,
        )


        indicator_value_view.additional_properties = d
        return indicator_value_view

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
