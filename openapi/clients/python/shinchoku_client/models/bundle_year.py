from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.workflow_state import WorkflowState
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.bundle_quarter import BundleQuarter
  from ..models.bundle_value import BundleValue





T = TypeVar("T", bound="BundleYear")



@_attrs_define
class BundleYear:
    """ 
        Attributes:
            fiscal_year (int | str): Fiscal year: the Gregorian year in which it starts, or an era form such as R4, 令和4年度,
                H29
            category (None | str | Unset): 実施 / 拡充 / 検討 / 検証 / 新規 / 継続 as printed. Example: 実施.
            plan_text (None | str | Unset):
            quarters (list[BundleQuarter] | Unset):
            result_text (None | str | Unset):
            issues_text (None | str | Unset):
            next_steps_text (None | str | Unset):
            progress_status (None | str | Unset): 順調に進んだ / 概ね進んだ / 一部遅れがある / 未実施 (or the enum value). Example: 順調に進んだ.
            rating (None | str | Unset): Self-rating, a grade of the plan's scale. Example: A.
            committee_rating (None | str | Unset):
            committee_opinion (None | str | Unset):
            indicator_values (list[BundleValue] | Unset):
            previous_year_result_text (None | str | Unset):
            workflow_state (None | Unset | WorkflowState):
     """

    fiscal_year: int | str
    category: None | str | Unset = UNSET
    plan_text: None | str | Unset = UNSET
    quarters: list[BundleQuarter] | Unset = UNSET
    result_text: None | str | Unset = UNSET
    issues_text: None | str | Unset = UNSET
    next_steps_text: None | str | Unset = UNSET
    progress_status: None | str | Unset = UNSET
    rating: None | str | Unset = UNSET
    committee_rating: None | str | Unset = UNSET
    committee_opinion: None | str | Unset = UNSET
    indicator_values: list[BundleValue] | Unset = UNSET
    previous_year_result_text: None | str | Unset = UNSET
    workflow_state: None | Unset | WorkflowState = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.bundle_quarter import BundleQuarter # noqa: PLC0415
        from ..models.bundle_value import BundleValue # noqa: PLC0415
        fiscal_year: int | str
        fiscal_year = self.fiscal_year

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        plan_text: None | str | Unset
        if isinstance(self.plan_text, Unset):
            plan_text = UNSET
        else:
            plan_text = self.plan_text

        quarters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.quarters, Unset):
            quarters = []
            for quarters_item_data in self.quarters:
                quarters_item = quarters_item_data.to_dict()
                quarters.append(quarters_item)



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

        progress_status: None | str | Unset
        if isinstance(self.progress_status, Unset):
            progress_status = UNSET
        else:
            progress_status = self.progress_status

        rating: None | str | Unset
        if isinstance(self.rating, Unset):
            rating = UNSET
        else:
            rating = self.rating

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

        indicator_values: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.indicator_values, Unset):
            indicator_values = []
            for indicator_values_item_data in self.indicator_values:
                indicator_values_item = indicator_values_item_data.to_dict()
                indicator_values.append(indicator_values_item)



        previous_year_result_text: None | str | Unset
        if isinstance(self.previous_year_result_text, Unset):
            previous_year_result_text = UNSET
        else:
            previous_year_result_text = self.previous_year_result_text

        workflow_state: None | str | Unset
        if isinstance(self.workflow_state, Unset):
            workflow_state = UNSET
        elif isinstance(self.workflow_state, WorkflowState):
            workflow_state = self.workflow_state.value
        else:
            workflow_state = self.workflow_state


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "fiscal_year": fiscal_year,
        })
        if category is not UNSET:
            field_dict["category"] = category
        if plan_text is not UNSET:
            field_dict["plan_text"] = plan_text
        if quarters is not UNSET:
            field_dict["quarters"] = quarters
        if result_text is not UNSET:
            field_dict["result_text"] = result_text
        if issues_text is not UNSET:
            field_dict["issues_text"] = issues_text
        if next_steps_text is not UNSET:
            field_dict["next_steps_text"] = next_steps_text
        if progress_status is not UNSET:
            field_dict["progress_status"] = progress_status
        if rating is not UNSET:
            field_dict["rating"] = rating
        if committee_rating is not UNSET:
            field_dict["committee_rating"] = committee_rating
        if committee_opinion is not UNSET:
            field_dict["committee_opinion"] = committee_opinion
        if indicator_values is not UNSET:
            field_dict["indicator_values"] = indicator_values
        if previous_year_result_text is not UNSET:
            field_dict["previous_year_result_text"] = previous_year_result_text
        if workflow_state is not UNSET:
            field_dict["workflow_state"] = workflow_state

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bundle_quarter import BundleQuarter # noqa: PLC0415
        from ..models.bundle_value import BundleValue # noqa: PLC0415
        d = dict(src_dict)
        def _parse_fiscal_year(data: object) -> int | str:
            return cast(int | str, data)

        fiscal_year = _parse_fiscal_year(d.pop("fiscal_year"))


        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))


        def _parse_plan_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan_text = _parse_plan_text(d.pop("plan_text", UNSET))


        _quarters = d.pop("quarters", UNSET)
        quarters: list[BundleQuarter] | Unset = UNSET
        if _quarters is not UNSET:
            quarters = []
            for quarters_item_data in _quarters:
                quarters_item = BundleQuarter.from_dict(quarters_item_data)



                quarters.append(quarters_item)


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


        def _parse_progress_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        progress_status = _parse_progress_status(d.pop("progress_status", UNSET))


        def _parse_rating(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rating = _parse_rating(d.pop("rating", UNSET))


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


        _indicator_values = d.pop("indicator_values", UNSET)
        indicator_values: list[BundleValue] | Unset = UNSET
        if _indicator_values is not UNSET:
            indicator_values = []
            for indicator_values_item_data in _indicator_values:
                indicator_values_item = BundleValue.from_dict(indicator_values_item_data)



                indicator_values.append(indicator_values_item)


        def _parse_previous_year_result_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_year_result_text = _parse_previous_year_result_text(d.pop("previous_year_result_text", UNSET))


        def _parse_workflow_state(data: object) -> None | Unset | WorkflowState:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                workflow_state_type_1 = WorkflowState(data)



                return workflow_state_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WorkflowState, data)

        workflow_state = _parse_workflow_state(d.pop("workflow_state", UNSET))


        bundle_year = cls(
            fiscal_year=fiscal_year,
            category=category,
            plan_text=plan_text,
            quarters=quarters,
            result_text=result_text,
            issues_text=issues_text,
            next_steps_text=next_steps_text,
            progress_status=progress_status,
            rating=rating,
            committee_rating=committee_rating,
            committee_opinion=committee_opinion,
            indicator_values=indicator_values,
            previous_year_result_text=previous_year_result_text,
            workflow_state=workflow_state,
        )

        return bundle_year

