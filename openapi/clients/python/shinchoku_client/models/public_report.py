from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.plan_category import PlanCategory
from ..models.progress_status import ProgressStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.quarter_view import QuarterView
  from ..models.report_value_view import ReportValueView





T = TypeVar("T", bound="PublicReport")



@_attrs_define
class PublicReport:
    """ A published report as the portal shows it.

        Attributes:
            fiscal_year (int):  Example: 2022.
            fiscal_year_label (str):  Example: 令和4年度.
            category (None | PlanCategory):
            category_label (None | str):
            plan_text (None | str):
            result_text (None | str):
            issues_text (None | str):
            next_steps_text (None | str):
            progress_status (None | ProgressStatus):
            progress_status_label (None | str):
            self_rating (None | str):
            self_rating_label (None | str):
            committee_rating (None | str):
            committee_rating_label (None | str):
            committee_opinion (None | str):
            edition (int): 1, then one more for each published correction.
            published_at (datetime.datetime | None):
            quarters (list[QuarterView]):
            indicator_values (list[ReportValueView]):
     """

    fiscal_year: int
    fiscal_year_label: str
    category: None | PlanCategory
    category_label: None | str
    plan_text: None | str
    result_text: None | str
    issues_text: None | str
    next_steps_text: None | str
    progress_status: None | ProgressStatus
    progress_status_label: None | str
    self_rating: None | str
    self_rating_label: None | str
    committee_rating: None | str
    committee_rating_label: None | str
    committee_opinion: None | str
    edition: int
    published_at: datetime.datetime | None
    quarters: list[QuarterView]
    indicator_values: list[ReportValueView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.quarter_view import QuarterView # noqa: PLC0415
        from ..models.report_value_view import ReportValueView # noqa: PLC0415
        fiscal_year = self.fiscal_year

        fiscal_year_label = self.fiscal_year_label

        category: None | str
        if isinstance(self.category, PlanCategory):
            category = self.category.value
        else:
            category = self.category

        category_label: None | str
        category_label = self.category_label

        plan_text: None | str
        plan_text = self.plan_text

        result_text: None | str
        result_text = self.result_text

        issues_text: None | str
        issues_text = self.issues_text

        next_steps_text: None | str
        next_steps_text = self.next_steps_text

        progress_status: None | str
        if isinstance(self.progress_status, ProgressStatus):
            progress_status = self.progress_status.value
        else:
            progress_status = self.progress_status

        progress_status_label: None | str
        progress_status_label = self.progress_status_label

        self_rating: None | str
        self_rating = self.self_rating

        self_rating_label: None | str
        self_rating_label = self.self_rating_label

        committee_rating: None | str
        committee_rating = self.committee_rating

        committee_rating_label: None | str
        committee_rating_label = self.committee_rating_label

        committee_opinion: None | str
        committee_opinion = self.committee_opinion

        edition = self.edition

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        quarters = []
        for quarters_item_data in self.quarters:
            quarters_item = quarters_item_data.to_dict()
            quarters.append(quarters_item)



        indicator_values = []
        for indicator_values_item_data in self.indicator_values:
            indicator_values_item = indicator_values_item_data.to_dict()
            indicator_values.append(indicator_values_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "fiscal_year": fiscal_year,
            "fiscal_year_label": fiscal_year_label,
            "category": category,
            "category_label": category_label,
            "plan_text": plan_text,
            "result_text": result_text,
            "issues_text": issues_text,
            "next_steps_text": next_steps_text,
            "progress_status": progress_status,
            "progress_status_label": progress_status_label,
            "self_rating": self_rating,
            "self_rating_label": self_rating_label,
            "committee_rating": committee_rating,
            "committee_rating_label": committee_rating_label,
            "committee_opinion": committee_opinion,
            "edition": edition,
            "published_at": published_at,
            "quarters": quarters,
            "indicator_values": indicator_values,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quarter_view import QuarterView # noqa: PLC0415
        from ..models.report_value_view import ReportValueView # noqa: PLC0415
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        fiscal_year_label = d.pop("fiscal_year_label")

        def _parse_category(data: object) -> None | PlanCategory:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_1 = PlanCategory(data)



                return category_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanCategory, data)

        category = _parse_category(d.pop("category"))


        def _parse_category_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        category_label = _parse_category_label(d.pop("category_label"))


        def _parse_plan_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        plan_text = _parse_plan_text(d.pop("plan_text"))


        def _parse_result_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        result_text = _parse_result_text(d.pop("result_text"))


        def _parse_issues_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        issues_text = _parse_issues_text(d.pop("issues_text"))


        def _parse_next_steps_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_steps_text = _parse_next_steps_text(d.pop("next_steps_text"))


        def _parse_progress_status(data: object) -> None | ProgressStatus:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                progress_status_type_1 = ProgressStatus(data)



                return progress_status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProgressStatus, data)

        progress_status = _parse_progress_status(d.pop("progress_status"))


        def _parse_progress_status_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        progress_status_label = _parse_progress_status_label(d.pop("progress_status_label"))


        def _parse_self_rating(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        self_rating = _parse_self_rating(d.pop("self_rating"))


        def _parse_self_rating_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        self_rating_label = _parse_self_rating_label(d.pop("self_rating_label"))


        def _parse_committee_rating(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        committee_rating = _parse_committee_rating(d.pop("committee_rating"))


        def _parse_committee_rating_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        committee_rating_label = _parse_committee_rating_label(d.pop("committee_rating_label"))


        def _parse_committee_opinion(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        committee_opinion = _parse_committee_opinion(d.pop("committee_opinion"))


        edition = d.pop("edition")

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)



                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))


        quarters = []
        _quarters = d.pop("quarters")
        for quarters_item_data in (_quarters):
            quarters_item = QuarterView.from_dict(quarters_item_data)



            quarters.append(quarters_item)


        indicator_values = []
        _indicator_values = d.pop("indicator_values")
        for indicator_values_item_data in (_indicator_values):
            indicator_values_item = ReportValueView.from_dict(indicator_values_item_data)



            indicator_values.append(indicator_values_item)


        public_report = cls(
            fiscal_year=fiscal_year,
            fiscal_year_label=fiscal_year_label,
            category=category,
            category_label=category_label,
            plan_text=plan_text,
            result_text=result_text,
            issues_text=issues_text,
            next_steps_text=next_steps_text,
            progress_status=progress_status,
            progress_status_label=progress_status_label,
            self_rating=self_rating,
            self_rating_label=self_rating_label,
            committee_rating=committee_rating,
            committee_rating_label=committee_rating_label,
            committee_opinion=committee_opinion,
            edition=edition,
            published_at=published_at,
            quarters=quarters,
            indicator_values=indicator_values,
        )


        public_report.additional_properties = d
        return public_report

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
