from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="PlanEventData")



@_attrs_define
class PlanEventData:
    """ A plan as events tell of it.

        Attributes:
            plan_id (UUID):
            title (str):  Example: 白井市第2次地域福祉計画.
            organization (str):  Example: 白井市.
            start_fy (int):  Example: 2020.
            end_fy (int):  Example: 2024.
     """

    plan_id: UUID
    title: str
    organization: str
    start_fy: int
    end_fy: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        plan_id = str(self.plan_id)

        title = self.title

        organization = self.organization

        start_fy = self.start_fy

        end_fy = self.end_fy


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "plan_id": plan_id,
            "title": title,
            "organization": organization,
            "start_fy": start_fy,
            "end_fy": end_fy,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        plan_id = UUID(d.pop("plan_id"))




        title = d.pop("title")

        organization = d.pop("organization")

        start_fy = d.pop("start_fy")

        end_fy = d.pop("end_fy")

        plan_event_data = cls(
            plan_id=plan_id,
            title=title,
            organization=organization,
            start_fy=start_fy,
            end_fy=end_fy,
        )


        plan_event_data.additional_properties = d
        return plan_event_data

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
