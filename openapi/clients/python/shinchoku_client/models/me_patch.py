from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="MePatch")



@_attrs_define
class MePatch:
    """ What a user changes of their own account (JSON merge patch).

        Attributes:
            email_reminders (bool | Unset): The daily reminder mail of reports due (notices of returns and publications
                still come).
     """

    email_reminders: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        email_reminders = self.email_reminders


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if email_reminders is not UNSET:
            field_dict["email_reminders"] = email_reminders

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email_reminders = d.pop("email_reminders", UNSET)

        me_patch = cls(
            email_reminders=email_reminders,
        )

        return me_patch

