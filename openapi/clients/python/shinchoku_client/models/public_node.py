from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.public_initiative import PublicInitiative





T = TypeVar("T", bound="PublicNode")



@_attrs_define
class PublicNode:
    """ A node of the plan's hierarchy with what lies below it.

        Attributes:
            id (UUID):
            code (None | str):  Example: 1.
            title (str):  Example: 地域での支え合い・助け合いの推進.
            level (int):  Example: 1.
            level_label (None | str):  Example: 基本方針.
            objective (None | str):
            initiatives (list[PublicInitiative]):
            children (list[PublicNode]):
     """

    id: UUID
    code: None | str
    title: str
    level: int
    level_label: None | str
    objective: None | str
    initiatives: list[PublicInitiative]
    children: list[PublicNode]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.public_initiative import PublicInitiative # noqa: PLC0415
        id = str(self.id)

        code: None | str
        code = self.code

        title = self.title

        level = self.level

        level_label: None | str
        level_label = self.level_label

        objective: None | str
        objective = self.objective

        initiatives = []
        for initiatives_item_data in self.initiatives:
            initiatives_item = initiatives_item_data.to_dict()
            initiatives.append(initiatives_item)



        children = []
        for children_item_data in self.children:
            children_item = children_item_data.to_dict()
            children.append(children_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "code": code,
            "title": title,
            "level": level,
            "level_label": level_label,
            "objective": objective,
            "initiatives": initiatives,
            "children": children,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_initiative import PublicInitiative # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))


        title = d.pop("title")

        level = d.pop("level")

        def _parse_level_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        level_label = _parse_level_label(d.pop("level_label"))


        def _parse_objective(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        objective = _parse_objective(d.pop("objective"))


        initiatives = []
        _initiatives = d.pop("initiatives")
        for initiatives_item_data in (_initiatives):
            initiatives_item = PublicInitiative.from_dict(initiatives_item_data)



            initiatives.append(initiatives_item)


        children = []
        _children = d.pop("children")
        for children_item_data in (_children):
            children_item = PublicNode.from_dict(children_item_data)



            children.append(children_item)


        public_node = cls(
            id=id,
            code=code,
            title=title,
            level=level,
            level_label=level_label,
            objective=objective,
            initiatives=initiatives,
            children=children,
        )


        public_node.additional_properties = d
        return public_node

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
