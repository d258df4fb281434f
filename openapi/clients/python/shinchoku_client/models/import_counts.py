from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ImportCounts")



@_attrs_define
class ImportCounts:
    """ What an import created, for the response.

        Attributes:
            nodes (int):  Example: 53.
            initiatives (int):  Example: 48.
            cross_listings (int): Placements beyond each initiative's primary node (※再掲). Example: 10.
            departments_created (int):  Example: 0.
            departments_matched (int):  Example: 12.
            indicators (int):
            plan_targets (int):
            annual_reports (int):  Example: 144.
            quarter_updates (int):
            indicator_values (int):
     """

    nodes: int
    initiatives: int
    cross_listings: int
    departments_created: int
    departments_matched: int
    indicators: int
    plan_targets: int
    annual_reports: int
    quarter_updates: int
    indicator_values: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        nodes = self.nodes

        initiatives = self.initiatives

        cross_listings = self.cross_listings

        departments_created = self.departments_created

        departments_matched = self.departments_matched

        indicators = self.indicators

        plan_targets = self.plan_targets

        annual_reports = self.annual_reports

        quarter_updates = self.quarter_updates

        indicator_values = self.indicator_values


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "nodes": nodes,
            "initiatives": initiatives,
            "cross_listings": cross_listings,
            "departments_created": departments_created,
            "departments_matched": departments_matched,
            "indicators": indicators,
            "plan_targets": plan_targets,
            "annual_reports": annual_reports,
            "quarter_updates": quarter_updates,
            "indicator_values": indicator_values,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nodes = d.pop("nodes")

        initiatives = d.pop("initiatives")

        cross_listings = d.pop("cross_listings")

        departments_created = d.pop("departments_created")

        departments_matched = d.pop("departments_matched")

        indicators = d.pop("indicators")

        plan_targets = d.pop("plan_targets")

        annual_reports = d.pop("annual_reports")

        quarter_updates = d.pop("quarter_updates")

        indicator_values = d.pop("indicator_values")

        import_counts = cls(
            nodes=nodes,
            initiatives=initiatives,
            cross_listings=cross_listings,
            departments_created=departments_created,
            departments_matched=departments_matched,
            indicators=indicators,
            plan_targets=plan_targets,
            annual_reports=annual_reports,
            quarter_updates=quarter_updates,
            indicator_values=indicator_values,
        )


        import_counts.additional_properties = d
        return import_counts

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
