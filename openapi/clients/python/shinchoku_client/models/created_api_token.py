from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.scope import Scope
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="CreatedApiToken")



@_attrs_define
class CreatedApiToken:
    """ A new token: the only time its secret is shown.

        Attributes:
            id (UUID):
            user_id (UUID): The user the token acts for; it never does more than this user may.
            name (str):  Example: 高齢者福祉課 四半期更新スクリプト.
            token_prefix (str): The first characters of the secret, to recognise it. Example: shk_Q2xh.
            scopes (list[Scope]):
            department_ids (list[UUID]): Departments the token is narrowed to (empty: all of the owner's).
            expires_at (datetime.datetime | None):
            revoked_at (datetime.datetime | None):
            last_used_at (datetime.datetime | None):
            created_at (datetime.datetime):
            token (str): The secret: send it as `Authorization: Bearer <token>`. It cannot be shown again. Example:
                shk_Q2xhc3NpZmllZCBzZWNyZXQgdG9rZW4gZXhhbXBsZQ.
     """

    id: UUID
    user_id: UUID
    name: str
    token_prefix: str
    scopes: list[Scope]
    department_ids: list[UUID]
    expires_at: datetime.datetime | None
    revoked_at: datetime.datetime | None
    last_used_at: datetime.datetime | None
    created_at: datetime.datetime
    token: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        user_id = str(self.user_id)

        name = self.name

        token_prefix = self.token_prefix

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)



        department_ids = []
        for department_ids_item_data in self.department_ids:
            department_ids_item = str(department_ids_item_data)
            department_ids.append(department_ids_item)



        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        last_used_at: None | str
        if isinstance(self.last_used_at, datetime.datetime):
            last_used_at = self.last_used_at.isoformat()
        else:
            last_used_at = self.last_used_at

        created_at = self.created_at.isoformat()

        token = self.token


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "user_id": user_id,
            "name": name,
            "token_prefix": token_prefix,
            "scopes": scopes,
            "department_ids": department_ids,
            "expires_at": expires_at,
            "revoked_at": revoked_at,
            "last_used_at": last_used_at,
            "created_at": created_at,
            "token": token,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        user_id = UUID(d.pop("user_id"))




        name = d.pop("name")

        token_prefix = d.pop("token_prefix")

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in (_scopes):
            scopes_item = Scope(scopes_item_data)



            scopes.append(scopes_item)


        department_ids = []
        _department_ids = d.pop("department_ids")
        for department_ids_item_data in (_department_ids):
            department_ids_item = UUID(department_ids_item_data)



            department_ids.append(department_ids_item)


        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)



                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))


        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)



                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))


        def _parse_last_used_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_used_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        token = d.pop("token")

        created_api_token = cls(
            id=id,
            user_id=user_id,
            name=name,
            token_prefix=token_prefix,
            scopes=scopes,
            department_ids=department_ids,
            expires_at=expires_at,
            revoked_at=revoked_at,
            last_used_at=last_used_at,
            created_at=created_at,
            token=token,
        )


        created_api_token.additional_properties = d
        return created_api_token

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
