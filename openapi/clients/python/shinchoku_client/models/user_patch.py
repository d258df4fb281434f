from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role import Role
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="UserPatch")



@_attrs_define
class UserPatch:
    """ Changes to a user (JSON merge patch). `password` sets a new password; `active: false` deactivates.

        Attributes:
            display_name (str | Unset):
            password (str | Unset):
            role (Role | Unset): What a user is; the README's Access section says what each role may do.
            department_ids (list[UUID] | Unset):
            active (bool | Unset):
            email (None | str | Unset): `null` removes it.
            email_reminders (bool | Unset):
     """

    display_name: str | Unset = UNSET
    password: str | Unset = UNSET
    role: Role | Unset = UNSET
    department_ids: list[UUID] | Unset = UNSET
    active: bool | Unset = UNSET
    email: None | str | Unset = UNSET
    email_reminders: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        password = self.password

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value


        department_ids: list[str] | Unset = UNSET
        if not isinstance(self.department_ids, Unset):
            department_ids = []
            for department_ids_item_data in self.department_ids:
                department_ids_item = str(department_ids_item_data)
                department_ids.append(department_ids_item)



        active = self.active

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        email_reminders = self.email_reminders


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if password is not UNSET:
            field_dict["password"] = password
        if role is not UNSET:
            field_dict["role"] = role
        if department_ids is not UNSET:
            field_dict["department_ids"] = department_ids
        if active is not UNSET:
            field_dict["active"] = active
        if email is not UNSET:
            field_dict["email"] = email
        if email_reminders is not UNSET:
            field_dict["email_reminders"] = email_reminders

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("display_name", UNSET)

        password = d.pop("password", UNSET)

        _role = d.pop("role", UNSET)
        role: Role | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = Role(_role)




        _department_ids = d.pop("department_ids", UNSET)
        department_ids: list[UUID] | Unset = UNSET
        if _department_ids is not UNSET:
            department_ids = []
            for department_ids_item_data in _department_ids:
                department_ids_item = UUID(department_ids_item_data)



                department_ids.append(department_ids_item)


        active = d.pop("active", UNSET)

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        email_reminders = d.pop("email_reminders", UNSET)

        user_patch = cls(
            display_name=display_name,
            password=password,
            role=role,
            department_ids=department_ids,
            active=active,
            email=email,
            email_reminders=email_reminders,
        )

        return user_patch

