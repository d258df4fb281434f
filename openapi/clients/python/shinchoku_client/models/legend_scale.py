from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.legend_entry import LegendEntry





T = TypeVar("T", bound="LegendScale")



@_attrs_define
class LegendScale:
    """ What one distribution counts, and its buckets in order.

        Attributes:
            title (str): What the distribution is, as a heading says it. Example: 評価.
            description (str): One sentence a reader needs to tell this distribution from the others. Example:
                担当課による取組の自己評価（A～D）。.
            entries (list[LegendEntry]):
     """

    title: str
    description: str
    entries: list[LegendEntry]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.legend_entry import LegendEntry # noqa: PLC0415
        title = self.title

        description = self.description

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "title": title,
            "description": description,
            "entries": entries,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.legend_entry import LegendEntry # noqa: PLC0415
        d = dict(src_dict)
        title = d.pop("title")

        description = d.pop("description")

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in (_entries):
            entries_item = LegendEntry.from_dict(entries_item_data)



            entries.append(entries_item)


        legend_scale = cls(
            title=title,
            description=description,
            entries=entries,
        )


        legend_scale.additional_properties = d
        return legend_scale

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
