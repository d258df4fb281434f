from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ProgressCounts")



@_attrs_define
class ProgressCounts:
    """ Initiatives per progress status (進捗状況) of their report.

        Attributes:
            on_track (int):
            mostly_on_track (int):
            partly_delayed (int):
            not_started (int):
            unreported (int): No report, no status in it, or a report the caller may not see.
     """

    on_track: int
    mostly_on_track: int
    partly_delayed: int
    not_started: int
    unreported: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        on_track = self.on_track

        mostly_on_track = self.mostly_on_track

        partly_delayed = self.partly_delayed

        not_started = self.not_started

        unreported = self.unreported


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "on_track": on_track,
            "mostly_on_track": mostly_on_track,
            "partly_delayed": partly_delayed,
            "not_started": not_started,
            "unreported": unreported,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        on_track = d.pop("on_track")

        mostly_on_track = d.pop("mostly_on_track")

        partly_delayed = d.pop("partly_delayed")

        not_started = d.pop("not_started")

        unreported = d.pop("unreported")

        progress_counts = cls(
            on_track=on_track,
            mostly_on_track=mostly_on_track,
            partly_delayed=partly_delayed,
            not_started=not_started,
            unreported=unreported,
        )


        progress_counts.additional_properties = d
        return progress_counts

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
