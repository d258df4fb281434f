from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="BundleNode")



@_attrs_define
class BundleNode:
    """ 
        Attributes:
            key (str):  Example: 1-2.
            title (str):  Example: わかりやすい福祉情報の提供・共有.
            parent_key (None | str | Unset): `null` at the top.
            level (int | None | Unset): 1 = top; checked against the depth implied by `parent_key`.
            code (None | str | Unset):  Example: ②.
            objective (None | str | Unset):
            main_actions (None | str | Unset):
     """

    key: str
    title: str
    parent_key: None | str | Unset = UNSET
    level: int | None | Unset = UNSET
    code: None | str | Unset = UNSET
    objective: None | str | Unset = UNSET
    main_actions: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        key = self.key

        title = self.title

        parent_key: None | str | Unset
        if isinstance(self.parent_key, Unset):
            parent_key = UNSET
        else:
            parent_key = self.parent_key

        level: int | None | Unset
        if isinstance(self.level, Unset):
            level = UNSET
        else:
            level = self.level

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


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "key": key,
            "title": title,
        })
        if parent_key is not UNSET:
            field_dict["parent_key"] = parent_key
        if level is not UNSET:
            field_dict["level"] = level
        if code is not UNSET:
            field_dict["code"] = code
        if objective is not UNSET:
            field_dict["objective"] = objective
        if main_actions is not UNSET:
            field_dict["main_actions"] = main_actions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        title = d.pop("title")

        def _parse_parent_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_key = _parse_parent_key(d.pop("parent_key", UNSET))


        def _parse_level(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        level = _parse_level(d.pop("level", UNSET))


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


        bundle_node = cls(
            key=key,
            title=title,
            parent_key=parent_key,
            level=level,
            code=code,
            objective=objective,
            main_actions=main_actions,
        )

        return bundle_node

