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






T = TypeVar("T", bound="UserInput")



@_attrs_define
class UserInput:
    """ A new user.

        Attributes:
            login (str): Letters, digits and `. _ - @`, 3–64 characters; unique. Example: fukushi.tanaka.
            display_name (str):  Example: 田中 花子.
            password (str): At least 12 characters. Example: correct horse battery staple.
            role (Role): What a user is; the README's Access section says what each role may do.
            email (None | str | Unset): Unique among users (in any case); stored in lower case. Example:
                tanaka@city.example.jp.
            email_reminders (bool | Unset): The daily reminder of reports due (default `true`).
            department_ids (list[UUID] | Unset): Department users: their city departments; council users: their council. At
                least one for both.
     """

    login: str
    display_name: str
    password: str
    role: Role
    email: None | str | Unset = UNSET
    email_reminders: bool | Unset = UNSET
    department_ids: list[UUID] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        login = self.login

        display_name = self.display_name

        password = self.password

        role = self.role.value

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        email_reminders = self.email_reminders

        department_ids: list[str] | Unset = UNSET
        if not isinstance(self.department_ids, Unset):
            department_ids = []
            for department_ids_item_data in self.department_ids:
                department_ids_item = str(department_ids_item_data)
                department_ids.append(department_ids_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "login": login,
            "display_name": display_name,
            "password": password,
            "role": role,
        })
        if email is not UNSET:
            field_dict["email"] = email
        if email_reminders is not UNSET:
            field_dict["email_reminders"] = email_reminders
        if department_ids is not UNSET:
            field_dict["department_ids"] = department_ids

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        login = d.pop("login")

        display_name = d.pop("display_name")

        password = d.pop("password")

        role = Role(d.pop("role"))




        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        email_reminders = d.pop("email_reminders", UNSET)

        _department_ids = d.pop("department_ids", UNSET)
        department_ids: list[UUID] | Unset = UNSET
        if _department_ids is not UNSET:
            department_ids = []
            for department_ids_item_data in _department_ids:
                department_ids_item = UUID(department_ids_item_data)



                department_ids.append(department_ids_item)


        user_input = cls(
            login=login,
            display_name=display_name,
            password=password,
            role=role,
            email=email,
            email_reminders=email_reminders,
            department_ids=department_ids,
        )

        return user_input

