from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="NodeView")



@_attrs_define
class NodeView:
    """ One node of a plan's hierarchy.

        Attributes:
            id (UUID):
            plan_id (UUID):
            parent_id (None | UUID): `null` for a top-level node.
            key (str): Stable key within the plan (plan bundles refer to nodes by it). Example: 1-2.
            code (None | str): Code as printed, if any. Example: ②.
            title (str):  Example: わかりやすい福祉情報の提供・共有.
            objective (None | str): 取り組み目標.
            main_actions (None | str): 主な取り組み.
            position (int): Order among siblings (0 first).
            level (int): Depth: 1 = top level. Example: 2.
            level_label (None | str): The plan's name for this level (`null` deeper than the plan names levels). Example:
                施策の方向.
            version (int):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    plan_id: UUID
    parent_id: None | UUID
    key: str
    code: None | str
    title: str
    objective: None | str
    main_actions: None | str
    position: int
    level: int
    level_label: None | str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        plan_id = str(self.plan_id)

        parent_id: None | str
        if isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        key = self.key

        code: None | str
        code = self.code

        title = self.title

        objective: None | str
        objective = self.objective

        main_actions: None | str
        main_actions = self.main_actions

        position = self.position

        level = self.level

        level_label: None | str
        level_label = self.level_label

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "plan_id": plan_id,
            "parent_id": parent_id,
            "key": key,
            "code": code,
            "title": title,
            "objective": objective,
            "main_actions": main_actions,
            "position": position,
            "level": level,
            "level_label": level_label,
            "version": version,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        plan_id = UUID(d.pop("plan_id"))




        def _parse_parent_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)



                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))


        key = d.pop("key")

        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))


        title = d.pop("title")

        def _parse_objective(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        objective = _parse_objective(d.pop("objective"))


        def _parse_main_actions(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        main_actions = _parse_main_actions(d.pop("main_actions"))


        position = d.pop("position")

        level = d.pop("level")

        def _parse_level_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        level_label = _parse_level_label(d.pop("level_label"))


        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        node_view = cls(
            id=id,
            plan_id=plan_id,
            parent_id=parent_id,
            key=key,
            code=code,
            title=title,
            objective=objective,
            main_actions=main_actions,
            position=position,
            level=level,
            level_label=level_label,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )


        node_view.additional_properties = d
        return node_view

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
