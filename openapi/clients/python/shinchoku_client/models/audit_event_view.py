from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.audit_event_view_after_type_0 import AuditEventViewAfterType0
  from ..models.audit_event_view_before_type_0 import AuditEventViewBeforeType0





T = TypeVar("T", bound="AuditEventView")



@_attrs_define
class AuditEventView:
    """ One write, as it happened.

        Attributes:
            id (UUID):
            occurred_at (datetime.datetime):
            actor_id (None | UUID): The user who wrote (`null`: the service itself, e.g. loading demo data).
            actor_login (None | str):  Example: admin.
            token_id (None | UUID): The API token used, if a script wrote.
            action (str): `create`, `update`, `delete`, `move`, `import`, `revise`, `revoke`, `sign_in`, `refresh`,
                `sign_out`. Example: update.
            entity_type (str): `department`, `plan`, `node`, `initiative`, `indicator`, `target`, `user`, `api_token`,
                `session`. Example: initiative.
            entity_id (UUID):
            plan_id (None | UUID):
            request_id (None | str):
            before (AuditEventViewBeforeType0 | None): The entity before the write (`null` for creations).
            after (AuditEventViewAfterType0 | None): The entity after the write (`null` for deletions).
     """

    id: UUID
    occurred_at: datetime.datetime
    actor_id: None | UUID
    actor_login: None | str
    token_id: None | UUID
    action: str
    entity_type: str
    entity_id: UUID
    plan_id: None | UUID
    request_id: None | str
    before: AuditEventViewBeforeType0 | None
    after: AuditEventViewAfterType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_event_view_after_type_0 import AuditEventViewAfterType0 # noqa: PLC0415
        from ..models.audit_event_view_before_type_0 import AuditEventViewBeforeType0 # noqa: PLC0415
        id = str(self.id)

        occurred_at = self.occurred_at.isoformat()

        actor_id: None | str
        if isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        actor_login: None | str
        actor_login = self.actor_login

        token_id: None | str
        if isinstance(self.token_id, UUID):
            token_id = str(self.token_id)
        else:
            token_id = self.token_id

        action = self.action

        entity_type = self.entity_type

        entity_id = str(self.entity_id)

        plan_id: None | str
        if isinstance(self.plan_id, UUID):
            plan_id = str(self.plan_id)
        else:
            plan_id = self.plan_id

        request_id: None | str
        request_id = self.request_id

        before: dict[str, Any] | None
        if isinstance(self.before, AuditEventViewBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        after: dict[str, Any] | None
        if isinstance(self.after, AuditEventViewAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "occurred_at": occurred_at,
            "actor_id": actor_id,
            "actor_login": actor_login,
            "token_id": token_id,
            "action": action,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "plan_id": plan_id,
            "request_id": request_id,
            "before": before,
            "after": after,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_event_view_after_type_0 import AuditEventViewAfterType0 # noqa: PLC0415
        from ..models.audit_event_view_before_type_0 import AuditEventViewBeforeType0 # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))




        def _parse_actor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)



                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))


        def _parse_actor_login(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_login = _parse_actor_login(d.pop("actor_login"))


        def _parse_token_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                token_id_type_0 = UUID(data)



                return token_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        token_id = _parse_token_id(d.pop("token_id"))


        action = d.pop("action")

        entity_type = d.pop("entity_type")

        entity_id = UUID(d.pop("entity_id"))




        def _parse_plan_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plan_id_type_0 = UUID(data)



                return plan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        plan_id = _parse_plan_id(d.pop("plan_id"))


        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))


        def _parse_before(data: object) -> AuditEventViewBeforeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = AuditEventViewBeforeType0.from_dict(data)



                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventViewBeforeType0 | None, data)

        before = _parse_before(d.pop("before"))


        def _parse_after(data: object) -> AuditEventViewAfterType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = AuditEventViewAfterType0.from_dict(data)



                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventViewAfterType0 | None, data)

        after = _parse_after(d.pop("after"))


        audit_event_view = cls(
            id=id,
            occurred_at=occurred_at,
            actor_id=actor_id,
            actor_login=actor_login,
            token_id=token_id,
            action=action,
            entity_type=entity_type,
            entity_id=entity_id,
            plan_id=plan_id,
            request_id=request_id,
            before=before,
            after=after,
        )


        audit_event_view.additional_properties = d
        return audit_event_view

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
