from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="BundleValue")



@_attrs_define
class BundleValue:
    """ 
        Attributes:
            indicator_key (str):  Example: 1-1.
            actual (float | None | Unset):  Example: 2300.
            target (float | None | Unset):
            raw (None | str | Unset): The cell as printed. Example: 2,300 1,990.
     """

    indicator_key: str
    actual: float | None | Unset = UNSET
    target: float | None | Unset = UNSET
    raw: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        indicator_key = self.indicator_key

        actual: float | None | Unset
        if isinstance(self.actual, Unset):
            actual = UNSET
        else:
            actual = self.actual

        target: float | None | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        else:
            target = self.target

        raw: None | str | Unset
        if isinstance(self.raw, Unset):
            raw = UNSET
        else:
            raw = self.raw


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "indicator_key": indicator_key,
        })
        if actual is not UNSET:
            field_dict["actual"] = actual
        if target is not UNSET:
            field_dict["target"] = target
        if raw is not UNSET:
            field_dict["raw"] = raw

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        indicator_key = d.pop("indicator_key")

        def _parse_actual(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        actual = _parse_actual(d.pop("actual", UNSET))


        def _parse_target(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        target = _parse_target(d.pop("target", UNSET))


        def _parse_raw(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        raw = _parse_raw(d.pop("raw", UNSET))


        bundle_value = cls(
            indicator_key=indicator_key,
            actual=actual,
            target=target,
            raw=raw,
        )

        return bundle_value

