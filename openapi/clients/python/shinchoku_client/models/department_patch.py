from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.department_kind import DepartmentKind
from ..types import UNSET, Unset






T = TypeVar("T", bound="DepartmentPatch")



@_attrs_define
class DepartmentPatch:
    """ Changes to a department (JSON merge patch).

        Attributes:
            name (str | Unset):  Example: 高齢者支援課.
            kind (DepartmentKind | Unset): What kind of body a department is.
     """

    name: str | Unset = UNSET
    kind: DepartmentKind | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: DepartmentKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = DepartmentKind(_kind)




        department_patch = cls(
            name=name,
            kind=kind,
        )

        return department_patch

