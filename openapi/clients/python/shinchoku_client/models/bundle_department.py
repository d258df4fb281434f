from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.department_kind import DepartmentKind






T = TypeVar("T", bound="BundleDepartment")



@_attrs_define
class BundleDepartment:
    """ 
        Attributes:
            name (str): Matched by name with existing departments; created when missing. Example: 社会福祉課.
            kind (DepartmentKind): What kind of body a department is.
     """

    name: str
    kind: DepartmentKind





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "kind": kind,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = DepartmentKind(d.pop("kind"))




        bundle_department = cls(
            name=name,
            kind=kind,
        )

        return bundle_department

