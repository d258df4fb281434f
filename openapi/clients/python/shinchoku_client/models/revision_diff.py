from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.field_change import FieldChange





T = TypeVar("T", bound="RevisionDiff")



@_attrs_define
class RevisionDiff:
    """ The difference between two versions.

        Attributes:
            from_revision (int):  Example: 2.
            to_revision (int):  Example: 3.
            changes (list[FieldChange]):
     """

    from_revision: int
    to_revision: int
    changes: list[FieldChange]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.field_change import FieldChange # noqa: PLC0415
        from_revision = self.from_revision

        to_revision = self.to_revision

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "from_revision": from_revision,
            "to_revision": to_revision,
            "changes": changes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_change import FieldChange # noqa: PLC0415
        d = dict(src_dict)
        from_revision = d.pop("from_revision")

        to_revision = d.pop("to_revision")

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in (_changes):
            changes_item = FieldChange.from_dict(changes_item_data)



            changes.append(changes_item)


        revision_diff = cls(
            from_revision=from_revision,
            to_revision=to_revision,
            changes=changes,
        )


        revision_diff.additional_properties = d
        return revision_diff

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
