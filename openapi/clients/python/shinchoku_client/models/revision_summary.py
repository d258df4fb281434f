from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.authenticated_by import AuthenticatedBy
from ..models.workflow_state import WorkflowState
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.user_ref import UserRef





T = TypeVar("T", bound="RevisionSummary")



@_attrs_define
class RevisionSummary:
    """ One version of a report in its history.

        Attributes:
            revision (int): The report's version this revision produced (1, 2, …). Example: 3.
            edition (int):  Example: 1.
            workflow_state (WorkflowState): Report workflow state.
            workflow_state_label (str):  Example: 提出済.
            action (str): What happened: `create`, `update`, `quarter`, `indicator_value`, `submit`, `return`,
                `review`, `publish`, `correct`, or `import` (the state it was imported or migrated in). Example: submit.
            changed_fields (list[str]): The fields this version changed (see the diff operation for old and new values).
                Example: ['workflow_state'].
            actor (None | UserRef):
            authenticated_by (AuthenticatedBy | None):
            occurred_at (datetime.datetime):
     """

    revision: int
    edition: int
    workflow_state: WorkflowState
    workflow_state_label: str
    action: str
    changed_fields: list[str]
    actor: None | UserRef
    authenticated_by: AuthenticatedBy | None
    occurred_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.user_ref import UserRef # noqa: PLC0415
        revision = self.revision

        edition = self.edition

        workflow_state = self.workflow_state.value

        workflow_state_label = self.workflow_state_label

        action = self.action

        changed_fields = self.changed_fields



        actor: dict[str, Any] | None
        if isinstance(self.actor, UserRef):
            actor = self.actor.to_dict()
        else:
            actor = self.actor

        authenticated_by: None | str
        if isinstance(self.authenticated_by, AuthenticatedBy):
            authenticated_by = self.authenticated_by.value
        else:
            authenticated_by = self.authenticated_by

        occurred_at = self.occurred_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "revision": revision,
            "edition": edition,
            "workflow_state": workflow_state,
            "workflow_state_label": workflow_state_label,
            "action": action,
            "changed_fields": changed_fields,
            "actor": actor,
            "authenticated_by": authenticated_by,
            "occurred_at": occurred_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_ref import UserRef # noqa: PLC0415
        d = dict(src_dict)
        revision = d.pop("revision")

        edition = d.pop("edition")

        workflow_state = WorkflowState(d.pop("workflow_state"))




        workflow_state_label = d.pop("workflow_state_label")

        action = d.pop("action")

        changed_fields = cast(list[str], d.pop("changed_fields"))


        def _parse_actor(data: object) -> None | UserRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                actor_type_1 = UserRef.from_dict(data)



                return actor_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserRef, data)

        actor = _parse_actor(d.pop("actor"))


        def _parse_authenticated_by(data: object) -> AuthenticatedBy | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                authenticated_by_type_1 = AuthenticatedBy(data)



                return authenticated_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthenticatedBy | None, data)

        authenticated_by = _parse_authenticated_by(d.pop("authenticated_by"))


        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))




        revision_summary = cls(
            revision=revision,
            edition=edition,
            workflow_state=workflow_state,
            workflow_state_label=workflow_state_label,
            action=action,
            changed_fields=changed_fields,
            actor=actor,
            authenticated_by=authenticated_by,
            occurred_at=occurred_at,
        )


        revision_summary.additional_properties = d
        return revision_summary

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
