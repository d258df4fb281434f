from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.quarter_mark import QuarterMark
from typing import cast






T = TypeVar("T", bound="MarkShare")



@_attrs_define
class MarkShare:
    """ One mark of a quarter's distribution (○ × —).

        Attributes:
            mark (None | QuarterMark):
            label (str):  Example: ○ 実施.
            count (int):  Example: 62.
            share (float):  Example: 0.912.
     """

    mark: None | QuarterMark
    label: str
    count: int
    share: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        mark: None | str
        if isinstance(self.mark, QuarterMark):
            mark = self.mark.value
        else:
            mark = self.mark

        label = self.label

        count = self.count

        share = self.share


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "mark": mark,
            "label": label,
            "count": count,
            "share": share,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_mark(data: object) -> None | QuarterMark:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mark_type_1 = QuarterMark(data)



                return mark_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuarterMark, data)

        mark = _parse_mark(d.pop("mark"))


        label = d.pop("label")

        count = d.pop("count")

        share = d.pop("share")

        mark_share = cls(
            mark=mark,
            label=label,
            count=count,
            share=share,
        )


        mark_share.additional_properties = d
        return mark_share

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
