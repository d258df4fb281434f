from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID






T = TypeVar("T", bound="ReportEventData")



@_attrs_define
class ReportEventData:
    """ A report as events tell of it.

        Attributes:
            plan_id (UUID):
            initiative_id (UUID):
            initiative_code (None | str): As printed (`null` when the source printed none). Example: 9.
            initiative_title (str):  Example: 保健福祉ガイドブックの発行.
            report_id (UUID):
            fiscal_year (int):  Example: 2023.
            fiscal_year_label (str):  Example: 令和5年度.
            workflow_state (str): The state after the change. Example: returned.
            edition (int):  Example: 1.
            return_reason (None | str): `report.returned`: why. Example: 成果の数値を追記してください.
            comment_id (None | UUID): `comment.created`: the comment.
     """

    plan_id: UUID
    initiative_id: UUID
    initiative_code: None | str
    initiative_title: str
    report_id: UUID
    fiscal_year: int
    fiscal_year_label: str
    workflow_state: str
    edition: int
    return_reason: None | str
    comment_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        plan_id = str(self.plan_id)

        initiative_id = str(self.initiative_id)

        initiative_code: None | str
        initiative_code = self.initiative_code

        initiative_title = self.initiative_title

        report_id = str(self.report_id)

        fiscal_year = self.fiscal_year

        fiscal_year_label = self.fiscal_year_label

        workflow_state = self.workflow_state

        edition = self.edition

        return_reason: None | str
        return_reason = self.return_reason

        comment_id: None | str
        if isinstance(self.comment_id, UUID):
            comment_id = str(self.comment_id)
        else:
            comment_id = self.comment_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "plan_id": plan_id,
            "initiative_id": initiative_id,
            "initiative_code": initiative_code,
            "initiative_title": initiative_title,
            "report_id": report_id,
            "fiscal_year": fiscal_year,
            "fiscal_year_label": fiscal_year_label,
            "workflow_state": workflow_state,
            "edition": edition,
            "return_reason": return_reason,
            "comment_id": comment_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        plan_id = UUID(d.pop("plan_id"))




        initiative_id = UUID(d.pop("initiative_id"))




        def _parse_initiative_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        initiative_code = _parse_initiative_code(d.pop("initiative_code"))


        initiative_title = d.pop("initiative_title")

        report_id = UUID(d.pop("report_id"))




        fiscal_year = d.pop("fiscal_year")

        fiscal_year_label = d.pop("fiscal_year_label")

        workflow_state = d.pop("workflow_state")

        edition = d.pop("edition")

        def _parse_return_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        return_reason = _parse_return_reason(d.pop("return_reason"))


        def _parse_comment_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                comment_id_type_0 = UUID(data)



                return comment_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        comment_id = _parse_comment_id(d.pop("comment_id"))


        report_event_data = cls(
            plan_id=plan_id,
            initiative_id=initiative_id,
            initiative_code=initiative_code,
            initiative_title=initiative_title,
            report_id=report_id,
            fiscal_year=fiscal_year,
            fiscal_year_label=fiscal_year_label,
            workflow_state=workflow_state,
            edition=edition,
            return_reason=return_reason,
            comment_id=comment_id,
        )


        report_event_data.additional_properties = d
        return report_event_data

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
