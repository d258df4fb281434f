from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.plan_category import PlanCategory
from ..models.progress_status import ProgressStatus
from ..models.workflow_state import WorkflowState
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.quarter_view import QuarterView
  from ..models.report_value_view import ReportValueView
  from ..models.suggested_rating import SuggestedRating
  from ..models.user_ref import UserRef





T = TypeVar("T", bound="AnnualReportView")



@_attrs_define
class AnnualReportView:
    """ The annual report of an initiative for one fiscal year.

        Attributes:
            id (UUID):
            initiative_id (UUID):
            plan_id (UUID):
            fiscal_year (int):  Example: 2022.
            fiscal_year_label (str):  Example: 令和4年度.
            category (None | PlanCategory):
            category_label (None | str):  Example: 実施.
            plan_text (None | str): 取組の内容: what the initiative plans to do this year.
            result_text (None | str): 内容と成果.
            issues_text (None | str): 課題.
            next_steps_text (None | str): 今後の方針.
            previous_year_result_text (None | str): Last year's results, for comparison.
            progress_status (None | ProgressStatus):
            progress_status_label (None | str):  Example: 順調に進んだ.
            self_rating (None | str): The department's rating, a grade of the plan's scale. Example: A.
            self_rating_label (None | str):  Example: 順調に進んでいる.
            committee_rating (None | str): The committee's rating.
            committee_rating_label (None | str):
            committee_opinion (None | str): 意見等.
            workflow_state (WorkflowState): Report workflow state.
            workflow_state_label (str):  Example: 作成中.
            return_reason (None | str): Why the report was last returned (until it is submitted again).
            edition (int): 1, then one more for each correction opened after publication. Example: 1.
            published_at (datetime.datetime | None): When the current or last edition was published.
            quarters (list[QuarterView]): Quarterly updates recorded so far, Q1 first.
            indicator_values (list[ReportValueView]): Every indicator of the initiative valid in this year, with its value
                (or nulls) and achievement.
            suggested_rating (None | SuggestedRating):
            updated_by (None | UserRef):
            version (int): Also the number of the latest revision in the report's history.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    initiative_id: UUID
    plan_id: UUID
    fiscal_year: int
    fiscal_year_label: str
    category: None | PlanCategory
    category_label: None | str
    plan_text: None | str
    result_text: None | str
    issues_text: None | str
    next_steps_text: None | str
    previous_year_result_text: None | str
    progress_status: None | ProgressStatus
    progress_status_label: None | str
    self_rating: None | str
    self_rating_label: None | str
    committee_rating: None | str
    committee_rating_label: None | str
    committee_opinion: None | str
    workflow_state: WorkflowState
    workflow_state_label: str
    return_reason: None | str
    edition: int
    published_at: datetime.datetime | None
    quarters: list[QuarterView]
    indicator_values: list[ReportValueView]
    suggested_rating: None | SuggestedRating
    updated_by: None | UserRef
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.quarter_view import QuarterView # noqa: PLC0415
        from ..models.report_value_view import ReportValueView # noqa: PLC0415
        from ..models.suggested_rating import SuggestedRating # noqa: PLC0415
        from ..models.user_ref import UserRef # noqa: PLC0415
        id = str(self.id)

        initiative_id = str(self.initiative_id)

        plan_id = str(self.plan_id)

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

        previous_year_result_text: None | str
        previous_year_result_text = self.previous_year_result_text

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

        workflow_state = self.workflow_state.value

        workflow_state_label = self.workflow_state_label

        return_reason: None | str
        return_reason = self.return_reason

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



        suggested_rating: dict[str, Any] | None
        if isinstance(self.suggested_rating, SuggestedRating):
            suggested_rating = self.suggested_rating.to_dict()
        else:
            suggested_rating = self.suggested_rating

        updated_by: dict[str, Any] | None
        if isinstance(self.updated_by, UserRef):
            updated_by = self.updated_by.to_dict()
        else:
            updated_by = self.updated_by

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "initiative_id": initiative_id,
            "plan_id": plan_id,
            "fiscal_year": fiscal_year,
            "fiscal_year_label": fiscal_year_label,
            "category": category,
            "category_label": category_label,
            "plan_text": plan_text,
            "result_text": result_text,
            "issues_text": issues_text,
            "next_steps_text": next_steps_text,
            "previous_year_result_text": previous_year_result_text,
            "progress_status": progress_status,
            "progress_status_label": progress_status_label,
            "self_rating": self_rating,
            "self_rating_label": self_rating_label,
            "committee_rating": committee_rating,
            "committee_rating_label": committee_rating_label,
            "committee_opinion": committee_opinion,
            "workflow_state": workflow_state,
            "workflow_state_label": workflow_state_label,
            "return_reason": return_reason,
            "edition": edition,
            "published_at": published_at,
            "quarters": quarters,
            "indicator_values": indicator_values,
            "suggested_rating": suggested_rating,
            "updated_by": updated_by,
            "version": version,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quarter_view import QuarterView # noqa: PLC0415
        from ..models.report_value_view import ReportValueView # noqa: PLC0415
        from ..models.suggested_rating import SuggestedRating # noqa: PLC0415
        from ..models.user_ref import UserRef # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        initiative_id = UUID(d.pop("initiative_id"))




        plan_id = UUID(d.pop("plan_id"))




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


        def _parse_previous_year_result_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous_year_result_text = _parse_previous_year_result_text(d.pop("previous_year_result_text"))


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


        workflow_state = WorkflowState(d.pop("workflow_state"))




        workflow_state_label = d.pop("workflow_state_label")

        def _parse_return_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        return_reason = _parse_return_reason(d.pop("return_reason"))


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


        def _parse_suggested_rating(data: object) -> None | SuggestedRating:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                suggested_rating_type_1 = SuggestedRating.from_dict(data)



                return suggested_rating_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SuggestedRating, data)

        suggested_rating = _parse_suggested_rating(d.pop("suggested_rating"))


        def _parse_updated_by(data: object) -> None | UserRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                updated_by_type_1 = UserRef.from_dict(data)



                return updated_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserRef, data)

        updated_by = _parse_updated_by(d.pop("updated_by"))


        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        annual_report_view = cls(
            id=id,
            initiative_id=initiative_id,
            plan_id=plan_id,
            fiscal_year=fiscal_year,
            fiscal_year_label=fiscal_year_label,
            category=category,
            category_label=category_label,
            plan_text=plan_text,
            result_text=result_text,
            issues_text=issues_text,
            next_steps_text=next_steps_text,
            previous_year_result_text=previous_year_result_text,
            progress_status=progress_status,
            progress_status_label=progress_status_label,
            self_rating=self_rating,
            self_rating_label=self_rating_label,
            committee_rating=committee_rating,
            committee_rating_label=committee_rating_label,
            committee_opinion=committee_opinion,
            workflow_state=workflow_state,
            workflow_state_label=workflow_state_label,
            return_reason=return_reason,
            edition=edition,
            published_at=published_at,
            quarters=quarters,
            indicator_values=indicator_values,
            suggested_rating=suggested_rating,
            updated_by=updated_by,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )


        annual_report_view.additional_properties = d
        return annual_report_view

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
