from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.public_report import PublicReport
  from ..models.rating_grade import RatingGrade
  from ..models.timeline_indicator import TimelineIndicator





T = TypeVar("T", bound="PublicTimeline")



@_attrs_define
class PublicTimeline:
    """ An initiative's published reports across fiscal years.

        Attributes:
            initiative_id (UUID):
            plan_id (UUID):
            code (None | str):  Example: 9.
            title (str):  Example: 地域福祉にかかる担当職員の配置.
            description (None | str):
            departments (list[str]):  Example: ['社会福祉課'].
            rating_scale (list[RatingGrade]):
            indicators (list[TimelineIndicator]):
            years (list[PublicReport]): The years with a published report, oldest first (the last published edition while a
                correction is being prepared).
     """

    initiative_id: UUID
    plan_id: UUID
    code: None | str
    title: str
    description: None | str
    departments: list[str]
    rating_scale: list[RatingGrade]
    indicators: list[TimelineIndicator]
    years: list[PublicReport]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.public_report import PublicReport # noqa: PLC0415
        from ..models.rating_grade import RatingGrade # noqa: PLC0415
        from ..models.timeline_indicator import TimelineIndicator # noqa: PLC0415
        initiative_id = str(self.initiative_id)

        plan_id = str(self.plan_id)

        code: None | str
        code = self.code

        title = self.title

        description: None | str
        description = self.description

        departments = self.departments



        rating_scale = []
        for rating_scale_item_data in self.rating_scale:
            rating_scale_item = rating_scale_item_data.to_dict()
            rating_scale.append(rating_scale_item)



        indicators = []
        for indicators_item_data in self.indicators:
            indicators_item = indicators_item_data.to_dict()
            indicators.append(indicators_item)



        years = []
        for years_item_data in self.years:
            years_item = years_item_data.to_dict()
            years.append(years_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "initiative_id": initiative_id,
            "plan_id": plan_id,
            "code": code,
            "title": title,
            "description": description,
            "departments": departments,
            "rating_scale": rating_scale,
            "indicators": indicators,
            "years": years,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_report import PublicReport # noqa: PLC0415
        from ..models.rating_grade import RatingGrade # noqa: PLC0415
        from ..models.timeline_indicator import TimelineIndicator # noqa: PLC0415
        d = dict(src_dict)
        initiative_id = UUID(d.pop("initiative_id"))




        plan_id = UUID(d.pop("plan_id"))




        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))


        title = d.pop("title")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        departments = cast(list[str], d.pop("departments"))


        rating_scale = []
        _rating_scale = d.pop("rating_scale")
        for rating_scale_item_data in (_rating_scale):
            rating_scale_item = RatingGrade.from_dict(rating_scale_item_data)



            rating_scale.append(rating_scale_item)


        indicators = []
        _indicators = d.pop("indicators")
        for indicators_item_data in (_indicators):
            indicators_item = TimelineIndicator.from_dict(indicators_item_data)



            indicators.append(indicators_item)


        years = []
        _years = d.pop("years")
        for years_item_data in (_years):
            years_item = PublicReport.from_dict(years_item_data)



            years.append(years_item)


        public_timeline = cls(
            initiative_id=initiative_id,
            plan_id=plan_id,
            code=code,
            title=title,
            description=description,
            departments=departments,
            rating_scale=rating_scale,
            indicators=indicators,
            years=years,
        )


        public_timeline.additional_properties = d
        return public_timeline

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
