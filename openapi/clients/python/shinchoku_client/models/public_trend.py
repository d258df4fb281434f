from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.rating_source import RatingSource
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.public_legend import PublicLegend
  from ..models.public_trend_year import PublicTrendYear





T = TypeVar("T", bound="PublicTrend")



@_attrs_define
class PublicTrend:
    """ A published plan's totals over the years with published reports, oldest first.

        Attributes:
            plan_id (UUID):
            plan_title (str):  Example: 白井市第2次地域福祉計画.
            from_ (int): The range asked for; `years` holds those of its years with published reports. Example: 2020.
            to (int):  Example: 2024.
            rating (RatingSource): Whose rating the ratings count.
            as_of (datetime.datetime | None): The latest publication these figures include; `null` when none is.
            legend (PublicLegend): The legend of every distribution of a public summary.
            years (list[PublicTrendYear]):
     """

    plan_id: UUID
    plan_title: str
    from_: int
    to: int
    rating: RatingSource
    as_of: datetime.datetime | None
    legend: PublicLegend
    years: list[PublicTrendYear]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.public_legend import PublicLegend # noqa: PLC0415
        from ..models.public_trend_year import PublicTrendYear # noqa: PLC0415
        plan_id = str(self.plan_id)

        plan_title = self.plan_title

        from_ = self.from_

        to = self.to

        rating = self.rating.value

        as_of: None | str
        if isinstance(self.as_of, datetime.datetime):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        legend = self.legend.to_dict()

        years = []
        for years_item_data in self.years:
            years_item = years_item_data.to_dict()
            years.append(years_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "plan_id": plan_id,
            "plan_title": plan_title,
            "from": from_,
            "to": to,
            "rating": rating,
            "as_of": as_of,
            "legend": legend,
            "years": years,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_legend import PublicLegend # noqa: PLC0415
        from ..models.public_trend_year import PublicTrendYear # noqa: PLC0415
        d = dict(src_dict)
        plan_id = UUID(d.pop("plan_id"))




        plan_title = d.pop("plan_title")

        from_ = d.pop("from")

        to = d.pop("to")

        rating = RatingSource(d.pop("rating"))




        def _parse_as_of(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.datetime.fromisoformat(data)



                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        as_of = _parse_as_of(d.pop("as_of"))


        legend = PublicLegend.from_dict(d.pop("legend"))




        years = []
        _years = d.pop("years")
        for years_item_data in (_years):
            years_item = PublicTrendYear.from_dict(years_item_data)



            years.append(years_item)


        public_trend = cls(
            plan_id=plan_id,
            plan_title=plan_title,
            from_=from_,
            to=to,
            rating=rating,
            as_of=as_of,
            legend=legend,
            years=years,
        )


        public_trend.additional_properties = d
        return public_trend

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
