from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.achievement_share import AchievementShare
  from ..models.progress_share import ProgressShare
  from ..models.quarter_distribution import QuarterDistribution
  from ..models.rating_share import RatingShare





T = TypeVar("T", bound="PublicTrendYear")



@_attrs_define
class PublicTrendYear:
    """ One fiscal year of a public trend.

        Attributes:
            initiatives (int): Initiatives active in the year (each once, also when cross-listed). Example: 48.
            published (int): Of those, the initiatives whose report of the year is published; the others count as
                未評価 and 未報告. Example: 48.
            ratings (list[RatingShare]): By the rating asked for (`rating`): the plan's grades, best first, then 未評価.
            progress (list[ProgressShare]): 進捗状況, best first, then 未報告.
            quarters (list[QuarterDistribution]): Q1 to Q4, for plans that report quarterly; empty for the others.
            indicators (list[AchievementShare]): The counted initiatives' indicators valid in the year, by achievement.
            mean_achievement_ratio (float | None): Mean of the achievement ratios that exist; `null` when none does.
                Example: 1.04.
            fiscal_year (int):  Example: 2022.
            fiscal_year_label (str):  Example: 令和4年度.
            as_of (datetime.datetime): The latest publication of the year's reports.
     """

    initiatives: int
    published: int
    ratings: list[RatingShare]
    progress: list[ProgressShare]
    quarters: list[QuarterDistribution]
    indicators: list[AchievementShare]
    mean_achievement_ratio: float | None
    fiscal_year: int
    fiscal_year_label: str
    as_of: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.achievement_share import AchievementShare # noqa: PLC0415
        from ..models.progress_share import ProgressShare # noqa: PLC0415
        from ..models.quarter_distribution import QuarterDistribution # noqa: PLC0415
        from ..models.rating_share import RatingShare # noqa: PLC0415
        initiatives = self.initiatives

        published = self.published

        ratings = []
        for ratings_item_data in self.ratings:
            ratings_item = ratings_item_data.to_dict()
            ratings.append(ratings_item)



        progress = []
        for progress_item_data in self.progress:
            progress_item = progress_item_data.to_dict()
            progress.append(progress_item)



        quarters = []
        for quarters_item_data in self.quarters:
            quarters_item = quarters_item_data.to_dict()
            quarters.append(quarters_item)



        indicators = []
        for indicators_item_data in self.indicators:
            indicators_item = indicators_item_data.to_dict()
            indicators.append(indicators_item)



        mean_achievement_ratio: float | None
        mean_achievement_ratio = self.mean_achievement_ratio

        fiscal_year = self.fiscal_year

        fiscal_year_label = self.fiscal_year_label

        as_of = self.as_of.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "initiatives": initiatives,
            "published": published,
            "ratings": ratings,
            "progress": progress,
            "quarters": quarters,
            "indicators": indicators,
            "mean_achievement_ratio": mean_achievement_ratio,
            "fiscal_year": fiscal_year,
            "fiscal_year_label": fiscal_year_label,
            "as_of": as_of,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.achievement_share import AchievementShare # noqa: PLC0415
        from ..models.progress_share import ProgressShare # noqa: PLC0415
        from ..models.quarter_distribution import QuarterDistribution # noqa: PLC0415
        from ..models.rating_share import RatingShare # noqa: PLC0415
        d = dict(src_dict)
        initiatives = d.pop("initiatives")

        published = d.pop("published")

        ratings = []
        _ratings = d.pop("ratings")
        for ratings_item_data in (_ratings):
            ratings_item = RatingShare.from_dict(ratings_item_data)



            ratings.append(ratings_item)


        progress = []
        _progress = d.pop("progress")
        for progress_item_data in (_progress):
            progress_item = ProgressShare.from_dict(progress_item_data)



            progress.append(progress_item)


        quarters = []
        _quarters = d.pop("quarters")
        for quarters_item_data in (_quarters):
            quarters_item = QuarterDistribution.from_dict(quarters_item_data)



            quarters.append(quarters_item)


        indicators = []
        _indicators = d.pop("indicators")
        for indicators_item_data in (_indicators):
            indicators_item = AchievementShare.from_dict(indicators_item_data)



            indicators.append(indicators_item)


        def _parse_mean_achievement_ratio(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean_achievement_ratio = _parse_mean_achievement_ratio(d.pop("mean_achievement_ratio"))


        fiscal_year = d.pop("fiscal_year")

        fiscal_year_label = d.pop("fiscal_year_label")

        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))




        public_trend_year = cls(
            initiatives=initiatives,
            published=published,
            ratings=ratings,
            progress=progress,
            quarters=quarters,
            indicators=indicators,
            mean_achievement_ratio=mean_achievement_ratio,
            fiscal_year=fiscal_year,
            fiscal_year_label=fiscal_year_label,
            as_of=as_of,
        )


        public_trend_year.additional_properties = d
        return public_trend_year

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
