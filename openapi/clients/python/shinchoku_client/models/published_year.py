from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PublishedYear")



@_attrs_define
class PublishedYear:
    """ A fiscal year with published reports.

        Attributes:
            fiscal_year (int):  Example: 2022.
            fiscal_year_label (str):  Example: 令和4年度.
     """

    fiscal_year: int
    fiscal_year_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        fiscal_year = self.fiscal_year

        fiscal_year_label = self.fiscal_year_label


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "fiscal_year": fiscal_year,
            "fiscal_year_label": fiscal_year_label,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        fiscal_year_label = d.pop("fiscal_year_label")

        published_year = cls(
            fiscal_year=fiscal_year,
            fiscal_year_label=fiscal_year_label,
        )


        published_year.additional_properties = d
        return published_year

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
