from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="BatchValueInput")



@_attrs_define
class BatchValueInput:
    """ One indicator's value for the fiscal year, replaced whole.

        Attributes:
            indicator (str): The indicator: its id, its key (`1-1`) or its name (`発行部数`) among the initiative's indicators.
                Example: 発行部数.
            target (float | None | Unset):
            actual (float | None | Unset):  Example: 2300.
            raw (None | str | Unset): The cell as printed (`15/664`, `12 書面会議`). Example: 2,300.
     """

    indicator: str
    target: float | None | Unset = UNSET
    actual: float | None | Unset = UNSET
    raw: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        indicator = self.indicator

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
            "indicator": indicator,
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
        indicator = d.pop("indicator")

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


        batch_value_input = cls(
            indicator=indicator,
            target=target,
            actual=actual,
            raw=raw,
        )

        return batch_value_input

