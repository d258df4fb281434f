from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role import Role
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.user_department import UserDepartment





T = TypeVar("T", bound="UserView")



@_attrs_define
class UserView:
    """ A user (never with the password).

        Attributes:
            id (UUID):
            login (str):  Example: fukushi.tanaka.
            display_name (str):  Example: 田中 花子.
            email (None | str): Where the service may write to the user (seen by admins and the user only). Example:
                tanaka@city.example.jp.
            email_reminders (bool): Whether the user gets the daily reminder of reports due (notices of returns and
                publications come regardless).
            role (Role): What a user is; the README's Access section says what each role may do.
            role_label (str):  Example: 担当課.
            departments (list[UserDepartment]): The departments the user acts for (department and council users).
            active (bool): A deactivated user cannot sign in, and their tokens stop working.
            version (int):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    login: str
    display_name: str
    email: None | str
    email_reminders: bool
    role: Role
    role_label: str
    departments: list[UserDepartment]
    active: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.user_department import UserDepartment # noqa: PLC0415
        id = str(self.id)

        login = self.login

        display_name = self.display_name

        email: None | str
        email = self.email

        email_reminders = self.email_reminders

        role = self.role.value

        role_label = self.role_label

        departments = []
        for departments_item_data in self.departments:
            departments_item = departments_item_data.to_dict()
            departments.append(departments_item)



        active = self.active

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "login": login,
            "display_name": display_name,
            "email": email,
            "email_reminders": email_reminders,
            "role": role,
            "role_label": role_label,
            "departments": departments,
            "active": active,
            "version": version,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_department import UserDepartment # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        login = d.pop("login")

        display_name = d.pop("display_name")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))


        email_reminders = d.pop("email_reminders")

        role = Role(d.pop("role"))




        role_label = d.pop("role_label")

        departments = []
        _departments = d.pop("departments")
        for departments_item_data in (_departments):
            departments_item = UserDepartment.from_dict(departments_item_data)



            departments.append(departments_item)


        active = d.pop("active")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        user_view = cls(
            id=id,
            login=login,
            display_name=display_name,
            email=email,
            email_reminders=email_reminders,
            role=role,
            role_label=role_label,
            departments=departments,
            active=active,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )


        user_view.additional_properties = d
        return user_view

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
