from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Baseline")



@_attrs_define
class Baseline:
    """ The value before the plan (現状), e.g. 2,431 members in FY2017.

        Attributes:
            fiscal_year (int):  Example: 2017.
            value (float):  Example: 2431.
     """

    fiscal_year: int
    value: float





    def to_dict(self) -> dict[str, Any]:
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
        fiscal_year = d.pop("fiscal_year")

        value = d.pop("value")

        baseline = cls(
            fiscal_year=fiscal_year,
            value=value,
        )

        return baseline

