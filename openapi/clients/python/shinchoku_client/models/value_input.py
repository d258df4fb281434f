from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ValueInput")



@_attrs_define
class ValueInput:
    """ A value for one fiscal year, replaced whole (`PUT`): a field left out is `null`.

        Attributes:
            target (float | None | Unset): 目標値. Example: 2000.
            actual (float | None | Unset): 実績値. Example: 2300.
            raw (None | str | Unset): The cell as printed, kept as it is: `15/664`, `12 書面会議`, `760 (うち障がい者15)`. Example:
                2,300.
     """

    target: float | None | Unset = UNSET
    actual: float | None | Unset = UNSET
    raw: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        target: float | None | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        else:
            target = self.target

        actual: float | None | Unset
        if isinstance(self.actual, Unset):
            actual = UNSET
        else:
            actual = self.actual

        raw: None | str | Unset
        if isinstance(self.raw, Unset):
            raw = UNSET
        else:
            raw = self.raw


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if target is not UNSET:
            field_dict["target"] = target
        if actual is not UNSET:
            field_dict["actual"] = actual
        if raw is not UNSET:
            field_dict["raw"] = raw

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_target(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        target = _parse_target(d.pop("target", UNSET))


        def _parse_actual(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        actual = _parse_actual(d.pop("actual", UNSET))


        def _parse_raw(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        raw = _parse_raw(d.pop("raw", UNSET))


        value_input = cls(
            target=target,
            actual=actual,
            raw=raw,
        )

        return value_input

