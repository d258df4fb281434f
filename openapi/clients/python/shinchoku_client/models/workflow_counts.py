from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="WorkflowCounts")



@_attrs_define
class WorkflowCounts:
    """ Initiatives per workflow state of their report.

        Attributes:
            draft (int):
            submitted (int):
            returned (int):
            reviewed (int):
            published (int):
            missing (int): No report for the year (or one in a state not asked for).
     """

    draft: int
    submitted: int
    returned: int
    reviewed: int
    published: int
    missing: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        draft = self.draft

        submitted = self.submitted

        returned = self.returned

        reviewed = self.reviewed

        published = self.published

        missing = self.missing


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "draft": draft,
            "submitted": submitted,
            "returned": returned,
            "reviewed": reviewed,
            "published": published,
            "missing": missing,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        draft = d.pop("draft")

        submitted = d.pop("submitted")

        returned = d.pop("returned")

        reviewed = d.pop("reviewed")

        published = d.pop("published")

        missing = d.pop("missing")

        workflow_counts = cls(
            draft=draft,
            submitted=submitted,
            returned=returned,
            reviewed=reviewed,
            published=published,
            missing=missing,
        )


        workflow_counts.additional_properties = d
        return workflow_counts

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
