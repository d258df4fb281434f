from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.department_kind import DepartmentKind
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="DepartmentView")



@_attrs_define
class DepartmentView:
    """ A city department (課), the social welfare council, or another responsible body.

        Attributes:
            id (UUID):  Example: 0193a3c4-6a0e-7c1e-9b1a-2f4b8c9d0e11.
            name (str):  Example: 社会福祉課.
            kind (DepartmentKind): What kind of body a department is.
            kind_label (str): Japanese label of `kind`. Example: 市の担当課.
            version (int): Current version; the ETag is this number in quotes.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    name: str
    kind: DepartmentKind
    kind_label: str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        kind = self.kind.value

        kind_label = self.kind_label

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "kind": kind,
            "kind_label": kind_label,
            "version": version,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        name = d.pop("name")

        kind = DepartmentKind(d.pop("kind"))




        kind_label = d.pop("kind_label")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        department_view = cls(
            id=id,
            name=name,
            kind=kind,
            kind_label=kind_label,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )


        department_view.additional_properties = d
        return department_view

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
