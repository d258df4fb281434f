from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
            action (str): `create`, `update`, `delete`, `move`, `import`, `revise`, `revoke`, `sign_in`, `refresh`,
                `sign_out`. Example: update.
            entity_type (str): `department`, `plan`, `node`, `initiative`, `indicator`, `target`, `user`, `api_token`,
                `session`. Example: initiative.
            entity_id (UUID):
            actor_id (None | Unset | UUID): The user who wrote (`null`: the service itself, e.g. loading demo data).
            actor_login (None | str | Unset):  Example: admin.
            token_id (None | Unset | UUID): The API token used, if a script wrote.
            plan_id (None | Unset | UUID):
            request_id (None | str | Unset):
            before (AuditEventViewBeforeType0 | None | Unset): The entity before the write (`null` for creations).
            after (AuditEventViewAfterType0 | None | Unset): The entity after the write (`null` for deletions).
     """

    id: UUID
    occurred_at: datetime.datetime
    action: str
    entity_type: str
    entity_id: UUID
    actor_id: None | Unset | UUID = UNSET
    actor_login: None | str | Unset = UNSET
    token_id: None | Unset | UUID = UNSET
    plan_id: None | Unset | UUID = UNSET
    request_id: None | str | Unset = UNSET
    before: AuditEventViewBeforeType0 | None | Unset = UNSET
    after: AuditEventViewAfterType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_event_view_after_type_0 import AuditEventViewAfterType0 # noqa: PLC0415
        from ..models.audit_event_view_before_type_0 import AuditEventViewBeforeType0 # noqa: PLC0415
        id = str(self.id)

        occurred_at = self.occurred_at.isoformat()

        action = self.action

        entity_type = self.entity_type

        entity_id = str(self.entity_id)

        actor_id: None | str | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        elif isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        actor_login: None | str | Unset
        if isinstance(self.actor_login, Unset):
            actor_login = UNSET
        else:
            actor_login = self.actor_login

        token_id: None | str | Unset
        if isinstance(self.token_id, Unset):
            token_id = UNSET
        elif isinstance(self.token_id, UUID):
            token_id = str(self.token_id)
        else:
            token_id = self.token_id

        plan_id: None | str | Unset
        if isinstance(self.plan_id, Unset):
            plan_id = UNSET
        elif isinstance(self.plan_id, UUID):
            plan_id = str(self.plan_id)
        else:
            plan_id = self.plan_id

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        before: dict[str, Any] | None | Unset
        if isinstance(self.before, Unset):
            before = UNSET
        elif isinstance(self.before, AuditEventViewBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        after: dict[str, Any] | None | Unset
        if isinstance(self.after, Unset):
            after = UNSET
        elif isinstance(self.after, AuditEventViewAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "occurred_at": occurred_at,
            "action": action,
            "entity_type": entity_type,
            "entity_id": entity_id,
        })
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if actor_login is not UNSET:
            field_dict["actor_login"] = actor_login
        if token_id is not UNSET:
            field_dict["token_id"] = token_id
        if plan_id is not UNSET:
            field_dict["plan_id"] = plan_id
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if before is not UNSET:
            field_dict["before"] = before
        if after is not UNSET:
            field_dict["after"] = after

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_event_view_after_type_0 import AuditEventViewAfterType0 # noqa: PLC0415
        from ..models.audit_event_view_before_type_0 import AuditEventViewBeforeType0 # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))




        action = d.pop("action")

        entity_type = d.pop("entity_type")

        entity_id = UUID(d.pop("entity_id"))




        def _parse_actor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)



                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))


        def _parse_actor_login(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_login = _parse_actor_login(d.pop("actor_login", UNSET))


        def _parse_token_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                token_id_type_0 = UUID(data)



                return token_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        token_id = _parse_token_id(d.pop("token_id", UNSET))


        def _parse_plan_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plan_id_type_0 = UUID(data)



                return plan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        plan_id = _parse_plan_id(d.pop("plan_id", UNSET))


        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))


        def _parse_before(data: object) -> AuditEventViewBeforeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = AuditEventViewBeforeType0.from_dict(data)



                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventViewBeforeType0 | None | Unset, data)

        before = _parse_before(d.pop("before", UNSET))


        def _parse_after(data: object) -> AuditEventViewAfterType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = AuditEventViewAfterType0.from_dict(data)



                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventViewAfterType0 | None | Unset, data)

        after = _parse_after(d.pop("after", UNSET))


        audit_event_view = cls(
            id=id,
            occurred_at=occurred_at,
            action=action,
            entity_type=entity_type,
            entity_id=entity_id,
            actor_id=actor_id,
            actor_login=actor_login,
            token_id=token_id,
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
