from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.public_plan_links import PublicPlanLinks
  from ..models.published_year import PublishedYear
  from ..models.rating_grade import RatingGrade





T = TypeVar("T", bound="PublicPlan")



@_attrs_define
class PublicPlan:
    """ A published plan.

        Attributes:
            id (UUID):
            title (str):  Example: 白井市第2次地域福祉計画.
            organization (str):  Example: 白井市.
            start_fy (int):  Example: 2020.
            start_fy_label (str):  Example: 令和2年度.
            end_fy (int):  Example: 2024.
            end_fy_label (str):  Example: 令和6年度.
            level_labels (list[str]):  Example: ['基本方針', '施策の方向', '事業'].
            rating_scale (list[RatingGrade]):
            quarterly_reports (bool): Whether reports carry quarter marks (○ × —).
            latest_published_fiscal_year (int | None): The latest fiscal year with published reports (what
                `fiscal_year=latest` means); `null`
                while nothing is published. Example: 2022.
            latest_published_fiscal_year_label (None | str):  Example: 令和4年度.
            published_fiscal_years (list[PublishedYear]): The fiscal years with published reports, oldest first.
            links (PublicPlanLinks): Where this plan's figures are, ready to show (paths on this server; each answers the
                latest
                published year unless asked `fiscal_year=`).
     """

    id: UUID
    title: str
    organization: str
    start_fy: int
    start_fy_label: str
    end_fy: int
    end_fy_label: str
    level_labels: list[str]
    rating_scale: list[RatingGrade]
    quarterly_reports: bool
    latest_published_fiscal_year: int | None
    latest_published_fiscal_year_label: None | str
    published_fiscal_years: list[PublishedYear]
    links: PublicPlanLinks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.public_plan_links import PublicPlanLinks # noqa: PLC0415
        from ..models.published_year import PublishedYear # noqa: PLC0415
        from ..models.rating_grade import RatingGrade # noqa: PLC0415
        id = str(self.id)

        title = self.title

        organization = self.organization

        start_fy = self.start_fy

        start_fy_label = self.start_fy_label

        end_fy = self.end_fy

        end_fy_label = self.end_fy_label

        level_labels = self.level_labels



        rating_scale = []
        for rating_scale_item_data in self.rating_scale:
            rating_scale_item = rating_scale_item_data.to_dict()
            rating_scale.append(rating_scale_item)



        quarterly_reports = self.quarterly_reports

        latest_published_fiscal_year: int | None
        latest_published_fiscal_year = self.latest_published_fiscal_year

        latest_published_fiscal_year_label: None | str
        latest_published_fiscal_year_label = self.latest_published_fiscal_year_label

        published_fiscal_years = []
        for published_fiscal_years_item_data in self.published_fiscal_years:
            published_fiscal_years_item = published_fiscal_years_item_data.to_dict()
            published_fiscal_years.append(published_fiscal_years_item)



        links = self.links.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "title": title,
            "organization": organization,
            "start_fy": start_fy,
            "start_fy_label": start_fy_label,
            "end_fy": end_fy,
            "end_fy_label": end_fy_label,
            "level_labels": level_labels,
            "rating_scale": rating_scale,
            "quarterly_reports": quarterly_reports,
            "latest_published_fiscal_year": latest_published_fiscal_year,
            "latest_published_fiscal_year_label": latest_published_fiscal_year_label,
            "published_fiscal_years": published_fiscal_years,
            "links": links,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_plan_links import PublicPlanLinks # noqa: PLC0415
        from ..models.published_year import PublishedYear # noqa: PLC0415
        from ..models.rating_grade import RatingGrade # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        title = d.pop("title")

        organization = d.pop("organization")

        start_fy = d.pop("start_fy")

        start_fy_label = d.pop("start_fy_label")

        end_fy = d.pop("end_fy")

        end_fy_label = d.pop("end_fy_label")

        level_labels = cast(list[str], d.pop("level_labels"))


        rating_scale = []
        _rating_scale = d.pop("rating_scale")
        for rating_scale_item_data in (_rating_scale):
            rating_scale_item = RatingGrade.from_dict(rating_scale_item_data)



            rating_scale.append(rating_scale_item)


        quarterly_reports = d.pop("quarterly_reports")

        def _parse_latest_published_fiscal_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        latest_published_fiscal_year = _parse_latest_published_fiscal_year(d.pop("latest_published_fiscal_year"))


        def _parse_latest_published_fiscal_year_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        latest_published_fiscal_year_label = _parse_latest_published_fiscal_year_label(d.pop("latest_published_fiscal_year_label"))


        published_fiscal_years = []
        _published_fiscal_years = d.pop("published_fiscal_years")
        for published_fiscal_years_item_data in (_published_fiscal_years):
            published_fiscal_years_item = PublishedYear.from_dict(published_fiscal_years_item_data)



            published_fiscal_years.append(published_fiscal_years_item)


        links = PublicPlanLinks.from_dict(d.pop("links"))




        public_plan = cls(
            id=id,
            title=title,
            organization=organization,
            start_fy=start_fy,
            start_fy_label=start_fy_label,
            end_fy=end_fy,
            end_fy_label=end_fy_label,
            level_labels=level_labels,
            rating_scale=rating_scale,
            quarterly_reports=quarterly_reports,
            latest_published_fiscal_year=latest_published_fiscal_year,
            latest_published_fiscal_year_label=latest_published_fiscal_year_label,
            published_fiscal_years=published_fiscal_years,
            links=links,
        )


        public_plan.additional_properties = d
        return public_plan

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
