from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PublicPlanLinks")



@_attrs_define
class PublicPlanLinks:
    """ Where this plan's figures are, ready to show (paths on this server; each answers the latest
    published year unless asked `fiscal_year=`).

        Attributes:
            page (str): The page to link to or embed in an `<iframe>` (HTML). Example:
                /public/plans/0190a1b2-0000-7000-8000-000000000001.
            summary (str): The summary (JSON). Example: /api/v1/public/plans/0190a1b2-0000-7000-8000-000000000001/summary.
            summary_csv (str): The summary as open data (CSV). Example:
                /api/v1/public/plans/0190a1b2-0000-7000-8000-000000000001/summary.csv.
            trend (str): The totals over the years with published reports (JSON). Example:
                /api/v1/public/plans/0190a1b2-0000-7000-8000-000000000001/summary/trend.
            ratings_chart (str): The ratings as a chart for `<img>` (SVG; add `group_by=node` for a bar per 基本方針). Example:
                /api/v1/public/plans/0190a1b2-0000-7000-8000-000000000001/charts/ratings.svg.
            trend_chart (str): The ratings over the years as a chart (SVG). Example:
                /api/v1/public/plans/0190a1b2-0000-7000-8000-000000000001/charts/trend.svg.
     """

    page: str
    summary: str
    summary_csv: str
    trend: str
    ratings_chart: str
    trend_chart: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        page = self.page

        summary = self.summary

        summary_csv = self.summary_csv

        trend = self.trend

        ratings_chart = self.ratings_chart

        trend_chart = self.trend_chart


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "page": page,
            "summary": summary,
            "summary_csv": summary_csv,
            "trend": trend,
            "ratings_chart": ratings_chart,
            "trend_chart": trend_chart,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        page = d.pop("page")

        summary = d.pop("summary")

        summary_csv = d.pop("summary_csv")

        trend = d.pop("trend")

        ratings_chart = d.pop("ratings_chart")

        trend_chart = d.pop("trend_chart")

        public_plan_links = cls(
            page=page,
            summary=summary,
            summary_csv=summary_csv,
            trend=trend,
            ratings_chart=ratings_chart,
            trend_chart=trend_chart,
        )


        public_plan_links.additional_properties = d
        return public_plan_links

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
