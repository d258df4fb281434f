from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.counts_ratings import CountsRatings
  from ..models.indicator_counts import IndicatorCounts
  from ..models.progress_counts import ProgressCounts
  from ..models.quarter_counts import QuarterCounts
  from ..models.suggestion_counts import SuggestionCounts
  from ..models.workflow_counts import WorkflowCounts





T = TypeVar("T", bound="SummaryGroup")



@_attrs_define
class SummaryGroup:
    """ The counts of one group: a plan node, a department or a plan.

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
            key (UUID): The node's, department's or plan's id.
            label (str): The node's title, the department's or the plan's name. Example: 地域での支え合い・助け合いの推進.
            code (None | str | Unset): The node's code as printed (`null` for departments and plans, or when none was
                printed). Example: 1.
     """

    initiatives: int
    ratings: CountsRatings
    progress: ProgressCounts
    workflow: WorkflowCounts
    quarters: list[QuarterCounts]
    indicators: IndicatorCounts
    suggestions: None | SuggestionCounts
    key: UUID
    label: str
    code: None | str | Unset = UNSET
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

        key = str(self.key)

        label = self.label

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code


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
            "key": key,
            "label": label,
        })
        if code is not UNSET:
            field_dict["code"] = code

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


        key = UUID(d.pop("key"))




        label = d.pop("label")

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))


        summary_group = cls(
            initiatives=initiatives,
            ratings=ratings,
            progress=progress,
            workflow=workflow,
            quarters=quarters,
            indicators=indicators,
            suggestions=suggestions,
            key=key,
            label=label,
            code=code,
        )


        summary_group.additional_properties = d
        return summary_group

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
