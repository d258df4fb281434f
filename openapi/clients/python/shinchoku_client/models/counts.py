from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.counts_ratings import CountsRatings
  from ..models.indicator_counts import IndicatorCounts
  from ..models.progress_counts import ProgressCounts
  from ..models.quarter_counts import QuarterCounts
  from ..models.suggestion_counts import SuggestionCounts
  from ..models.workflow_counts import WorkflowCounts





T = TypeVar("T", bound="Counts")



@_attrs_define
class Counts:
    """ Everything a summary counts over a set of initiatives in one fiscal year.

        Attributes:
            initiatives (int): Initiatives active in the year (each once, also when cross-listed). Example: 48.
            ratings (CountsRatings): By the rating asked for (`rating=self|committee`): the plan's grades in order, then
                `unrated`. Example: {'A': 31, 'B': 15, 'C': 2, 'D': 0, 'unrated': 0}.
            progress (ProgressCounts): Initiatives per progress status (進捗状況) of their report.
            workflow (WorkflowCounts): Initiatives per workflow state of their report.
            quarters (list[QuarterCounts]): Q1 to Q4.
            indicators (IndicatorCounts): Indicators of the counted initiatives valid in the year, by achievement (DOMAIN
                Rule 4).
            suggestions (None | SuggestionCounts):
     """

    initiatives: int
    ratings: CountsRatings
    progress: ProgressCounts
    workflow: WorkflowCounts
    quarters: list[QuarterCounts]
    indicators: IndicatorCounts
    suggestions: None | SuggestionCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.counts_ratings import CountsRatings # noqa: PLC0415
        from ..models.indicator_counts import IndicatorCounts # noqa: PLC0415
        from ..models.progress_counts import ProgressCounts # noqa: PLC0415
        from ..models.quarter_counts import QuarterCounts # noqa: PLC0415
        from ..models.suggestion_counts import SuggestionCounts # noqa: PLC0415
        from ..models.workflow_counts import WorkflowCounts # noqa: PLC0415
        initiatives = self.initiatives

        ratings = self.ratings.to_dict()

        progress = self.progress.to_dict()

        workflow = self.workflow.to_dict()

        quarters = []
        for quarters_item_data in self.quarters:
            quarters_item = quarters_item_data.to_dict()
            quarters.append(quarters_item)



        indicators = self.indicators.to_dict()

        suggestions: dict[str, Any] | None
        if isinstance(self.suggestions, SuggestionCounts):
            suggestions = self.suggestions.to_dict()
        else:
            suggestions = self.suggestions


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "initiatives": initiatives,
            "ratings": ratings,
            "progress": progress,
            "workflow": workflow,
            "quarters": quarters,
            "indicators": indicators,
            "suggestions": suggestions,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.counts_ratings import CountsRatings # noqa: PLC0415
        from ..models.indicator_counts import IndicatorCounts # noqa: PLC0415
        from ..models.progress_counts import ProgressCounts # noqa: PLC0415
        from ..models.quarter_counts import QuarterCounts # noqa: PLC0415
        from ..models.suggestion_counts import SuggestionCounts # noqa: PLC0415
        from ..models.workflow_counts import WorkflowCounts # noqa: PLC0415
        d = dict(src_dict)
        initiatives = d.pop("initiatives")

        ratings = CountsRatings.from_dict(d.pop("ratings"))




        progress = ProgressCounts.from_dict(d.pop("progress"))




        workflow = WorkflowCounts.from_dict(d.pop("workflow"))




        quarters = []
        _quarters = d.pop("quarters")
        for quarters_item_data in (_quarters):
            quarters_item = QuarterCounts.from_dict(quarters_item_data)



            quarters.append(quarters_item)


        indicators = IndicatorCounts.from_dict(d.pop("indicators"))




        def _parse_suggestions(data: object) -> None | SuggestionCounts:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                suggestions_type_1 = SuggestionCounts.from_dict(data)



                return suggestions_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SuggestionCounts, data)

        suggestions = _parse_suggestions(d.pop("suggestions"))


        counts = cls(
            initiatives=initiatives,
            ratings=ratings,
            progress=progress,
            workflow=workflow,
            quarters=quarters,
            indicators=indicators,
            suggestions=suggestions,
        )


        counts.additional_properties = d
        return counts

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
