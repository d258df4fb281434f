from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="BundleBaseline")



@_attrs_define
class BundleBaseline:
    """ 
        Attributes:
            fiscal_year (int | str): Fiscal year: the Gregorian year in which it starts, or an era form such as R4, 令和4年度,
                H29
            value (float):  Example: 2431.
     """

    fiscal_year: int | str
    value: float





    def to_dict(self) -> dict[str, Any]:
        fiscal_year: int | str
        fiscal_year = self.fiscal_year

        value = self.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "fiscal_year": fiscal_year,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_fiscal_year(data: object) -> int | str:
            return cast(int | str, data)

        fiscal_year = _parse_fiscal_year(d.pop("fiscal_year"))


        value = d.pop("value")

        bundle_baseline = cls(
            fiscal_year=fiscal_year,
            value=value,
        )

        return bundle_baseline

