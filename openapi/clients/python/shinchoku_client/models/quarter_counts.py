from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="QuarterCounts")



@_attrs_define
class QuarterCounts:
    """ Quarter marks (○ × —) of one quarter.

        Attributes:
            quarter (int):  Example: 1.
            label (str):  Example: 4～6月.
            done (int): ○
            not_done (int): ×
            not_applicable (int): —
            unreported (int): No mark.
     """

    quarter: int
    label: str
    done: int
    not_done: int
    not_applicable: int
    unreported: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        quarter = self.quarter

        label = self.label

        done = self.done

        not_done = self.not_done

        not_applicable = self.not_applicable

        unreported = self.unreported


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "quarter": quarter,
            "label": label,
            "done": done,
            "not_done": not_done,
            "not_applicable": not_applicable,
            "unreported": unreported,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        quarter = d.pop("quarter")

        label = d.pop("label")

        done = d.pop("done")

        not_done = d.pop("not_done")

        not_applicable = d.pop("not_applicable")

        unreported = d.pop("unreported")

        quarter_counts = cls(
            quarter=quarter,
            label=label,
            done=done,
            not_done=not_done,
            not_applicable=not_applicable,
            unreported=unreported,
        )


        quarter_counts.additional_properties = d
        return quarter_counts

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
