from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="LegendEntry")



@_attrs_define
class LegendEntry:
    """ One bucket in a legend.

        Attributes:
            key (None | str): The bucket as its distribution names it (`grade`, `status`, `mark` or `achievement`);
                `null` for the bucket of initiatives with nothing published. Example: A.
            label (str):  Example: 順調に進んでいる.
            color (str): A suggested fill, from a colour-blind-safe palette (Okabe–Ito), `#rrggbb`. Example: #0072B2.
            text_color (str): Black or white: text on `color` in it has a contrast of at least 4.5:1 (WCAG 2.1 AA). Example:
                #FFFFFF.
     """

    key: None | str
    label: str
    color: str
    text_color: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        key: None | str
        key = self.key

        label = self.label

        color = self.color

        text_color = self.text_color


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "key": key,
            "label": label,
            "color": color,
            "text_color": text_color,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key = _parse_key(d.pop("key"))


        label = d.pop("label")

        color = d.pop("color")

        text_color = d.pop("text_color")

        legend_entry = cls(
            key=key,
            label=label,
            color=color,
            text_color=text_color,
        )


        legend_entry.additional_properties = d
        return legend_entry

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
