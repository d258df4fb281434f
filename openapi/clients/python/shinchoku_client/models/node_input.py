from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="NodeInput")



@_attrs_define
class NodeInput:
    """ A new node.

        Attributes:
            title (str):  Example: わかりやすい福祉情報の提供・共有.
            parent_id (None | Unset | UUID): Parent node in the same plan; `null` or absent for a top-level node.
            key (None | str | Unset): Stable key within the plan; default the new node's id. Example: 1-2.
            code (None | str | Unset):  Example: ②.
            objective (None | str | Unset):
            main_actions (None | str | Unset):
            position (int | None | Unset): Order among siblings; default after the last sibling.
     """

    title: str
    parent_id: None | Unset | UUID = UNSET
    key: None | str | Unset = UNSET
    code: None | str | Unset = UNSET
    objective: None | str | Unset = UNSET
    main_actions: None | str | Unset = UNSET
    position: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        title = self.title

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        key: None | str | Unset
        if isinstance(self.key, Unset):
            key = UNSET
        else:
            key = self.key

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

        position: int | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "title": title,
        })
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if key is not UNSET:
            field_dict["key"] = key
        if code is not UNSET:
            field_dict["code"] = code
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
        title = d.pop("title")

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


        def _parse_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key = _parse_key(d.pop("key", UNSET))


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


        def _parse_position(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        position = _parse_position(d.pop("position", UNSET))


        node_input = cls(
            title=title,
            parent_id=parent_id,
            key=key,
            code=code,
            objective=objective,
            main_actions=main_actions,
            position=position,
        )

        return node_input

