from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

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
            key (str): Stable key within the plan (plan bundles refer to nodes by it). Example: 1-2.
            title (str):  Example: わかりやすい福祉情報の提供・共有.
            position (int): Order among siblings (0 first).
            level (int): Depth: 1 = top level. Example: 2.
            version (int):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            parent_id (None | Unset | UUID): `null` for a top-level node.
            code (None | str | Unset): Code as printed, if any. Example: ②.
            objective (None | str | Unset): 取り組み目標.
            main_actions (None | str | Unset): 主な取り組み.
            level_label (None | str | Unset): The plan's name for this level (`null` deeper than the plan names levels).
                Example: 施策の方向.
     """

    id: UUID
    plan_id: UUID
    key: str
    title: str
    position: int
    level: int
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    parent_id: None | Unset | UUID = UNSET
    code: None | str | Unset = UNSET
    objective: None | str | Unset = UNSET
    main_actions: None | str | Unset = UNSET
    level_label: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        plan_id = str(self.plan_id)

        key = self.key

        title = self.title

        position = self.position

        level = self.level

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        objective: None | str | Unset
        if isinstance(self.objective, Unset):
            objective = UNSET
        else:
            objective = self.objective

        main_actions: None | str | Unset
        if isinstance(self.main_actions, Unset):
            main_actions = UNSET
        else:
            main_actions = self.main_actions

        level_label: None | str | Unset
        if isinstance(self.level_label, Unset):
            level_label = UNSET
        else:
            level_label = self.level_label


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "plan_id": plan_id,
            "key": key,
            "title": title,
            "position": position,
            "level": level,
            "version": version,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if code is not UNSET:
            field_dict["code"] = code
        if objective is not UNSET:
            field_dict["objective"] = objective
        if main_actions is not UNSET:
            field_dict["main_actions"] = main_actions
        if level_label is not UNSET:
            field_dict["level_label"] = level_label

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        plan_id = UUID(d.pop("plan_id"))




        key = d.pop("key")

        title = d.pop("title")

        position = d.pop("position")

        level = d.pop("level")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)



                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))


        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))


        def _parse_objective(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        objective = _parse_objective(d.pop("objective", UNSET))


        def _parse_main_actions(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        main_actions = _parse_main_actions(d.pop("main_actions", UNSET))


        def _parse_level_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        level_label = _parse_level_label(d.pop("level_label", UNSET))


        node_view = cls(
            id=id,
            plan_id=plan_id,
            key=key,
            title=title,
            position=position,
            level=level,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            parent_id=parent_id,
            code=code,
            objective=objective,
            main_actions=main_actions,
            level_label=level_label,
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
