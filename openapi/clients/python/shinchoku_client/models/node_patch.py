from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="NodePatch")



@_attrs_define
class NodePatch:
    """ Changes to a node (JSON merge patch). Setting `parent_id` moves the node with its subtree.

        Attributes:
            parent_id (None | Unset | UUID): New parent (`null`: move to the top level). A move under the node's own subtree
                is refused.
            key (str | Unset):
            code (None | str | Unset):
            title (str | Unset):
            objective (None | str | Unset):
            main_actions (None | str | Unset):
            position (int | Unset):
     """

    parent_id: None | Unset | UUID = UNSET
    key: str | Unset = UNSET
    code: None | str | Unset = UNSET
    title: str | Unset = UNSET
    objective: None | str | Unset = UNSET
    main_actions: None | str | Unset = UNSET
    position: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        key = self.key

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        title = self.title

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

        position = self.position


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if key is not UNSET:
            field_dict["key"] = key
        if code is not UNSET:
            field_dict["code"] = code
        if title is not UNSET:
            field_dict["title"] = title
        if objective is not UNSET:
            field_dict["objective"] = objective
        if main_actions is not UNSET:
            field_dict["main_actions"] = main_actions
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
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


        key = d.pop("key", UNSET)

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))


        title = d.pop("title", UNSET)

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


        position = d.pop("position", UNSET)

        node_patch = cls(
            parent_id=parent_id,
            key=key,
            code=code,
            title=title,
            objective=objective,
            main_actions=main_actions,
            position=position,
        )

        return node_patch

