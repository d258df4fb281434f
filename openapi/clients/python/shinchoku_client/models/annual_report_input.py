from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.plan_category import PlanCategory
from ..models.progress_status import ProgressStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AnnualReportInput")



@_attrs_define
class AnnualReportInput:
    """ The fields of an annual report to set. Merge semantics: fields sent are set (`null` clears
    them), fields left out keep their value. The department's fields are written by the
    responsible departments (or admin) in `draft` or `returned`; `committee_rating` and
    `committee_opinion` by the committee (or admin) in `submitted` or `reviewed`.

        Attributes:
            category (None | PlanCategory | Unset):
            plan_text (None | str | Unset): 取組の内容.
            result_text (None | str | Unset): 内容と成果.
            issues_text (None | str | Unset): 課題.
            next_steps_text (None | str | Unset): 今後の方針.
            previous_year_result_text (None | str | Unset):
            progress_status (None | ProgressStatus | Unset):
            self_rating (None | str | Unset): A grade of the plan's rating scale. Example: B.
            committee_rating (None | str | Unset): A grade of the plan's rating scale (committee or admin).
            committee_opinion (None | str | Unset): 意見等 (committee or admin).
     """

    category: None | PlanCategory | Unset = UNSET
    plan_text: None | str | Unset = UNSET
    result_text: None | str | Unset = UNSET
    issues_text: None | str | Unset = UNSET
    next_steps_text: None | str | Unset = UNSET
    previous_year_result_text: None | str | Unset = UNSET
    progress_status: None | ProgressStatus | Unset = UNSET
    self_rating: None | str | Unset = UNSET
    committee_rating: None | str | Unset = UNSET
    committee_opinion: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, PlanCategory):
            category = self.category.value
        else:
            category = self.category

        plan_text: None | str | Unset
        if isinstance(self.plan_text, Unset):
            plan_text = UNSET
        else:
            plan_text = self.plan_text

        result_text: None | str | Unset
        if isinstance(self.result_text, Unset):
            result_text = UNSET
        else:
            result_text = self.result_text

        issues_text: None | str | Unset
        if isinstance(self.issues_text, Unset):
            issues_text = UNSET
        else:
            issues_text = self.issues_text

        next_steps_text: None | str | Unset
        if isinstance(self.next_steps_text, Unset):
            next_steps_text = UNSET
        else:
            next_steps_text = self.next_steps_text

        previous_year_result_text: None | str | Unset
        if isinstance(self.previous_year_result_text, Unset):
            previous_year_result_text = UNSET
        else:
            previous_year_result_text = self.previous_year_result_text

        progress_status: None | str | Unset
        if isinstance(self.progress_status, Unset):
            progress_status = UNSET
        elif isinstance(self.progress_status, ProgressStatus):
            progress_status = self.progress_status.value
        else:
            progress_status = self.progress_status

        self_rating: None | str | Unset
        if isinstance(self.self_rating, Unset):
            self_rating = UNSET
        else:
            self_rating = self.self_rating

        committee_rating: None | str | Unset
        if isinstance(self.committee_rating, Unset):
            committee_rating = UNSET
        else:
            committee_rating = self.committee_rating

        committee_opinion: None | str | Unset
        if isinstance(self.committee_opinion, Unset):
            committee_opinion = UNSET
        else:
            committee_opinion = self.committee_opinion


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if category is not UNSET:
            field_dict["category"] = category
        if plan_text is not UNSET:
            field_dict["plan_text"] = plan_text
        if result_text is not UNSET:
            field_dict["result_text"] = result_text
        if issues_text is not UNSET:
            field_dict["issues_text"] = issues_text
        if next_steps_text is not UNSET:
            field_dict["next_steps_text"] = next_steps_text
        if previous_year_result_text is not UNSET:
            field_dict["previous_year_result_text"] = previous_year_result_text
        if progress_status is not UNSET:
            field_dict["progress_status"] = progress_status
        if self_rating is not UNSET:
            field_dict["self_rating"] = self_rating
        if committee_rating is not UNSET:
            field_dict["committee_rating"] = committee_rating
        if committee_opinion is not UNSET:
            field_dict["committee_opinion"] = committee_opinion

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_category(data: object) -> None | PlanCategory | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_1 = PlanCategory(data)



                return category_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanCategory | Unset, data)

        category = _parse_category(d.pop("category", UNSET))


        def _parse_plan_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan_text = _parse_plan_text(d.pop("plan_text", UNSET))


        def _parse_result_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result_text = _parse_result_text(d.pop("result_text", UNSET))


        def _parse_issues_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        issues_text = _parse_issues_text(d.pop("issues_text", UNSET))


        def _parse_next_steps_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_steps_text = _parse_next_steps_text(d.pop("next_steps_text", UNSET))


        def _parse_previous_year_result_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_year_result_text = _parse_previous_year_result_text(d.pop("previous_year_result_text", UNSET))


        def _parse_progress_status(data: object) -> None | ProgressStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                progress_status_type_1 = ProgressStatus(data)



                return progress_status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProgressStatus | Unset, data)

        progress_status = _parse_progress_status(d.pop("progress_status", UNSET))


        def _parse_self_rating(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        self_rating = _parse_self_rating(d.pop("self_rating", UNSET))


        def _parse_committee_rating(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        committee_rating = _parse_committee_rating(d.pop("committee_rating", UNSET))


        def _parse_committee_opinion(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        committee_opinion = _parse_committee_opinion(d.pop("committee_opinion", UNSET))


        annual_report_input = cls(
            category=category,
            plan_text=plan_text,
            result_text=result_text,
            issues_text=issues_text,
            next_steps_text=next_steps_text,
            previous_year_result_text=previous_year_result_text,
            progress_status=progress_status,
            self_rating=self_rating,
            committee_rating=committee_rating,
            committee_opinion=committee_opinion,
        )

        return annual_report_input

