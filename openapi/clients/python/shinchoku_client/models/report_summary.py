from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.progress_status import ProgressStatus
from ..models.workflow_state import WorkflowState
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.user_ref import UserRef





T = TypeVar("T", bound="ReportSummary")



@_attrs_define
class ReportSummary:
    """ A report in a list: its initiative, state and ratings.

        Attributes:
            id (UUID):
            initiative_id (UUID):
            initiative_code (None | str): The initiative's code as printed (`null` when it has none). Example: 9.
            initiative_title (str):  Example: 地域福祉にかかる担当職員の配置.
            fiscal_year (int):  Example: 2022.
            fiscal_year_label (str):  Example: 令和4年度.
            workflow_state (WorkflowState): Report workflow state.
            workflow_state_label (str):  Example: 提出済.
            progress_status (None | ProgressStatus):
            progress_status_label (None | str):
            self_rating (None | str):  Example: B.
            committee_rating (None | str):
            edition (int):  Example: 1.
            updated_by (None | UserRef):
            version (int):
            updated_at (datetime.datetime):
     """

    id: UUID
    initiative_id: UUID
    initiative_code: None | str
    initiative_title: str
    fiscal_year: int
    fiscal_year_label: str
    workflow_state: WorkflowState
    workflow_state_label: str
    progress_status: None | ProgressStatus
    progress_status_label: None | str
    self_rating: None | str
    committee_rating: None | str
    edition: int
    updated_by: None | UserRef
    version: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.user_ref import UserRef # noqa: PLC0415
        id = str(self.id)

        initiative_id = str(self.initiative_id)

        initiative_code: None | str
        initiative_code = self.initiative_code

        initiative_title = self.initiative_title

        fiscal_year = self.fiscal_year

        fiscal_year_label = self.fiscal_year_label

        workflow_state = self.workflow_state.value

        workflow_state_label = self.workflow_state_label

        progress_status: None | str
        if isinstance(self.progress_status, ProgressStatus):
            progress_status = self.progress_status.value
        else:
            progress_status = self.progress_status

        progress_status_label: None | str
        progress_status_label = self.progress_status_label

        self_rating: None | str
        self_rating = self.self_rating

        committee_rating: None | str
        committee_rating = self.committee_rating

        edition = self.edition

        updated_by: dict[str, Any] | None
        if isinstance(self.updated_by, UserRef):
            updated_by = self.updated_by.to_dict()
        else:
            updated_by = self.updated_by

        version = self.version

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "initiative_id": initiative_id,
            "initiative_code": initiative_code,
            "initiative_title": initiative_title,
            "fiscal_year": fiscal_year,
            "fiscal_year_label": fiscal_year_label,
            "workflow_state": workflow_state,
            "workflow_state_label": workflow_state_label,
            "progress_status": progress_status,
            "progress_status_label": progress_status_label,
            "self_rating": self_rating,
            "committee_rating": committee_rating,
            "edition": edition,
            "updated_by": updated_by,
            "version": version,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_ref import UserRef # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        initiative_id = UUID(d.pop("initiative_id"))




        def _parse_initiative_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        initiative_code = _parse_initiative_code(d.pop("initiative_code"))


        initiative_title = d.pop("initiative_title")

        fiscal_year = d.pop("fiscal_year")

        fiscal_year_label = d.pop("fiscal_year_label")

        workflow_state = WorkflowState(d.pop("workflow_state"))




        workflow_state_label = d.pop("workflow_state_label")

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


        def _parse_committee_rating(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        committee_rating = _parse_committee_rating(d.pop("committee_rating"))


        edition = d.pop("edition")

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

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        report_summary = cls(
            id=id,
            initiative_id=initiative_id,
            initiative_code=initiative_code,
            initiative_title=initiative_title,
            fiscal_year=fiscal_year,
            fiscal_year_label=fiscal_year_label,
            workflow_state=workflow_state,
            workflow_state_label=workflow_state_label,
            progress_status=progress_status,
            progress_status_label=progress_status_label,
            self_rating=self_rating,
            committee_rating=committee_rating,
            edition=edition,
            updated_by=updated_by,
            version=version,
            updated_at=updated_at,
        )


        report_summary.additional_properties = d
        return report_summary

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
