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
from uuid import UUID

if TYPE_CHECKING:
  from ..models.batch_quarter_input import BatchQuarterInput
  from ..models.batch_value_input import BatchValueInput





T = TypeVar("T", bound="ProgressBatchItem")



@_attrs_define
class ProgressBatchItem:
    """ One initiative's report for the batch's fiscal year. Report fields have merge semantics
    (left out: kept; `null`: cleared); each quarter and indicator value sent is replaced whole.

        Attributes:
            initiative_code (None | str | Unset): The initiative's key (unique in the plan, e.g. `1-1-1`) or its code as
                printed (No.,
                e.g. `①`) when that code names one initiative only. Example: 1.
            initiative_id (None | Unset | UUID): The initiative's id (instead of, or as well as, its code).
            category (None | PlanCategory | Unset):
            plan_text (None | str | Unset): 年度計画 (取組の内容).
            result_text (None | str | Unset): 実績 (内容と成果).
            issues_text (None | str | Unset): 課題.
            next_steps_text (None | str | Unset): 今後の方向性.
            previous_year_result_text (None | str | Unset):
            progress_status (None | ProgressStatus | Unset):
            self_rating (None | str | Unset): A grade of the plan's rating scale. Example: B.
            committee_rating (None | str | Unset): Committee or admin.
            committee_opinion (None | str | Unset): 委員会意見 (committee or admin).
            quarters (list[BatchQuarterInput] | Unset): Quarters to set, each replaced whole.
            indicator_values (list[BatchValueInput] | Unset): Indicator values of the fiscal year to set, each replaced
                whole.
     """

    initiative_code: None | str | Unset = UNSET
    initiative_id: None | Unset | UUID = UNSET
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
    quarters: list[BatchQuarterInput] | Unset = UNSET
    indicator_values: list[BatchValueInput] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_quarter_input import BatchQuarterInput # noqa: PLC0415
        from ..models.batch_value_input import BatchValueInput # noqa: PLC0415
        initiative_code: None | str | Unset
        if isinstance(self.initiative_code, Unset):
            initiative_code = UNSET
        else:
            initiative_code = self.initiative_code

        initiative_id: None | str | Unset
        if isinstance(self.initiative_id, Unset):
            initiative_id = UNSET
        elif isinstance(self.initiative_id, UUID):
            initiative_id = str(self.initiative_id)
        else:
            initiative_id = self.initiative_id

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

        quarters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.quarters, Unset):
            quarters = []
            for quarters_item_data in self.quarters:
                quarters_item = quarters_item_data.to_dict()
                quarters.append(quarters_item)



        indicator_values: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.indicator_values, Unset):
            indicator_values = []
            for indicator_values_item_data in self.indicator_values:
                indicator_values_item = indicator_values_item_data.to_dict()
                indicator_values.append(indicator_values_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if initiative_code is not UNSET:
            field_dict["initiative_code"] = initiative_code
        if initiative_id is not UNSET:
            field_dict["initiative_id"] = initiative_id
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
        if quarters is not UNSET:
            field_dict["quarters"] = quarters
        if indicator_values is not UNSET:
            field_dict["indicator_values"] = indicator_values

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_quarter_input import BatchQuarterInput # noqa: PLC0415
        from ..models.batch_value_input import BatchValueInput # noqa: PLC0415
        d = dict(src_dict)
        def _parse_initiative_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        initiative_code = _parse_initiative_code(d.pop("initiative_code", UNSET))


        def _parse_initiative_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                initiative_id_type_0 = UUID(data)



                return initiative_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        initiative_id = _parse_initiative_id(d.pop("initiative_id", UNSET))


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


        _quarters = d.pop("quarters", UNSET)
        quarters: list[BatchQuarterInput] | Unset = UNSET
        if _quarters is not UNSET:
            quarters = []
            for quarters_item_data in _quarters:
                quarters_item = BatchQuarterInput.from_dict(quarters_item_data)



                quarters.append(quarters_item)


        _indicator_values = d.pop("indicator_values", UNSET)
        indicator_values: list[BatchValueInput] | Unset = UNSET
        if _indicator_values is not UNSET:
            indicator_values = []
            for indicator_values_item_data in _indicator_values:
                indicator_values_item = BatchValueInput.from_dict(indicator_values_item_data)



                indicator_values.append(indicator_values_item)


        progress_batch_item = cls(
            initiative_code=initiative_code,
            initiative_id=initiative_id,
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
            quarters=quarters,
            indicator_values=indicator_values,
        )

        return progress_batch_item

