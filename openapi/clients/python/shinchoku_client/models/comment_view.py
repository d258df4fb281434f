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
  from ..models.user_ref import UserRef





T = TypeVar("T", bound="CommentView")



@_attrs_define
class CommentView:
    """ A comment on a report.

        Attributes:
            id (UUID):
            report_id (UUID):
            in_reply_to (None | UUID):
            author (None | UserRef):
            author_role (str): The author's role when writing (`committee`, `department`, `council`, `admin`). Example:
                committee.
            body (str):  Example: 参加者数の推移を次年度の報告にも記載してください。.
            workflow_state (WorkflowState): Report workflow state.
            created_at (datetime.datetime):
     """

    id: UUID
    report_id: UUID
    in_reply_to: None | UUID
    author: None | UserRef
    author_role: str
    body: str
    workflow_state: WorkflowState
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.user_ref import UserRef # noqa: PLC0415
        id = str(self.id)

        report_id = str(self.report_id)

        in_reply_to: None | str
        if isinstance(self.in_reply_to, UUID):
            in_reply_to = str(self.in_reply_to)
        else:
            in_reply_to = self.in_reply_to

        author: dict[str, Any] | None
        if isinstance(self.author, UserRef):
            author = self.author.to_dict()
        else:
            author = self.author

        author_role = self.author_role

        body = self.body

        workflow_state = self.workflow_state.value

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "report_id": report_id,
            "in_reply_to": in_reply_to,
            "author": author,
            "author_role": author_role,
            "body": body,
            "workflow_state": workflow_state,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_ref import UserRef # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        report_id = UUID(d.pop("report_id"))




        def _parse_in_reply_to(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                in_reply_to_type_0 = UUID(data)



                return in_reply_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        in_reply_to = _parse_in_reply_to(d.pop("in_reply_to"))


        def _parse_author(data: object) -> None | UserRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                author_type_1 = UserRef.from_dict(data)



                return author_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserRef, data)

        author = _parse_author(d.pop("author"))


        author_role = d.pop("author_role")

        body = d.pop("body")

        workflow_state = WorkflowState(d.pop("workflow_state"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        comment_view = cls(
            id=id,
            report_id=report_id,
            in_reply_to=in_reply_to,
            author=author,
            author_role=author_role,
            body=body,
            workflow_state=workflow_state,
            created_at=created_at,
        )


        comment_view.additional_properties = d
        return comment_view

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
