from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID






T = TypeVar("T", bound="PublicInitiative")



@_attrs_define
class PublicInitiative:
    """ An initiative where the tree places it.

        Attributes:
            id (UUID):
            code (None | str):  Example: 1.
            title (str):  Example: 保健福祉ガイドブックの発行.
            departments (list[str]): 担当課. Example: ['社会福祉課'].
            cross_listed (bool): `true` where the initiative is shown again under another node (※再掲).
     """

    id: UUID
    code: None | str
    title: str
    departments: list[str]
    cross_listed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code: None | str
        code = self.code

        title = self.title

        departments = self.departments



        cross_listed = self.cross_listed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "code": code,
            "title": title,
            "departments": departments,
            "cross_listed": cross_listed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))


        title = d.pop("title")

        departments = cast(list[str], d.pop("departments"))


        cross_listed = d.pop("cross_listed")

        public_initiative = cls(
            id=id,
            code=code,
            title=title,
            departments=departments,
            cross_listed=cross_listed,
        )


        public_initiative.additional_properties = d
        return public_initiative

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
