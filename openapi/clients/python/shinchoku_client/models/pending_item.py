from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.workflow_state import WorkflowState
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.department_name import DepartmentName





T = TypeVar("T", bound="PendingItem")



@_attrs_define
class PendingItem:
    """ A report (or, for quarterly plans, a quarter) not yet handed in.

        Attributes:
            plan_id (UUID):
            plan_title (str):  Example: 白井市第2次地域福祉計画.
            initiative_id (UUID):
            initiative_code (None | str):  Example: 9.
            initiative_title (str):  Example: 地域福祉にかかる担当職員の配置.
            departments (list[DepartmentName]): Who reports on it.
            fiscal_year (int):  Example: 2023.
            fiscal_year_label (str):  Example: 令和5年度.
            quarter (int | None): The quarter whose mark is missing; `null`: the year's report.
            quarter_label (None | str):
            workflow_state (None | WorkflowState):
            workflow_state_label (None | str):
            due_on (datetime.date): When it is due (the plan's `report_due_days` or `quarter_due_days` after the period
                ends). Example: 2024-05-31.
            overdue (bool): Whether the due date has passed (in Japan's time zone).
            days_overdue (int): Days since the due date (0 when not overdue).
     """

    plan_id: UUID
    plan_title: str
    initiative_id: UUID
    initiative_code: None | str
    initiative_title: str
    departments: list[DepartmentName]
    fiscal_year: int
    fiscal_year_label: str
    quarter: int | None
    quarter_label: None | str
    workflow_state: None | WorkflowState
    workflow_state_label: None | str
    due_on: datetime.date
    overdue: bool
    days_overdue: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.department_name import DepartmentName # noqa: PLC0415
        plan_id = str(self.plan_id)

        plan_title = self.plan_title

        initiative_id = str(self.initiative_id)

        initiative_code: None | str
        initiative_code = self.initiative_code

        initiative_title = self.initiative_title

        departments = []
        for departments_item_data in self.departments:
            departments_item = departments_item_data.to_dict()
            departments.append(departments_item)



        fiscal_year = self.fiscal_year

        fiscal_year_label = self.fiscal_year_label

        quarter: int | None
        quarter = self.quarter

        quarter_label: None | str
        quarter_label = self.quarter_label

        workflow_state: None | str
        if isinstance(self.workflow_state, WorkflowState):
            workflow_state = self.workflow_state.value
        else:
            workflow_state = self.workflow_state

        workflow_state_label: None | str
        workflow_state_label = self.workflow_state_label

        due_on = self.due_on.isoformat()

        overdue = self.overdue

        days_overdue = self.days_overdue


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "plan_id": plan_id,
            "plan_title": plan_title,
            "initiative_id": initiative_id,
            "initiative_code": initiative_code,
            "initiative_title": initiative_title,
            "departments": departments,
            "fiscal_year": fiscal_year,
            "fiscal_year_label": fiscal_year_label,
            "quarter": quarter,
            "quarter_label": quarter_label,
            "workflow_state": workflow_state,
            "workflow_state_label": workflow_state_label,
            "due_on": due_on,
            "overdue": overdue,
            "days_overdue": days_overdue,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.department_name import DepartmentName # noqa: PLC0415
        d = dict(src_dict)
        plan_id = UUID(d.pop("plan_id"))




        plan_title = d.pop("plan_title")

        initiative_id = UUID(d.pop("initiative_id"))




        def _parse_initiative_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        initiative_code = _parse_initiative_code(d.pop("initiative_code"))


        initiative_title = d.pop("initiative_title")

        departments = []
        _departments = d.pop("departments")
        for departments_item_data in (_departments):
            departments_item = DepartmentName.from_dict(departments_item_data)



            departments.append(departments_item)


        fiscal_year = d.pop("fiscal_year")

        fiscal_year_label = d.pop("fiscal_year_label")

        def _parse_quarter(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        quarter = _parse_quarter(d.pop("quarter"))


        def _parse_quarter_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        quarter_label = _parse_quarter_label(d.pop("quarter_label"))


        def _parse_workflow_state(data: object) -> None | WorkflowState:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                workflow_state_type_1 = WorkflowState(data)



                return workflow_state_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | WorkflowState, data)

        workflow_state = _parse_workflow_state(d.pop("workflow_state"))


        def _parse_workflow_state_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        workflow_state_label = _parse_workflow_state_label(d.pop("workflow_state_label"))


        due_on = datetime.date.fromisoformat(d.pop("due_on"))




        overdue = d.pop("overdue")

        days_overdue = d.pop("days_overdue")

        pending_item = cls(
            plan_id=plan_id,
            plan_title=plan_title,
            initiative_id=initiative_id,
            initiative_code=initiative_code,
            initiative_title=initiative_title,
            departments=departments,
            fiscal_year=fiscal_year,
            fiscal_year_label=fiscal_year_label,
            quarter=quarter,
            quarter_label=quarter_label,
            workflow_state=workflow_state,
            workflow_state_label=workflow_state_label,
            due_on=due_on,
            overdue=overdue,
            days_overdue=days_overdue,
        )


        pending_item.additional_properties = d
        return pending_item

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
