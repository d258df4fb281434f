from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="BundleTargetYear")



@_attrs_define
class BundleTargetYear:
    """ 
        Attributes:
            fiscal_year (int | str): Fiscal year: the Gregorian year in which it starts, or an era form such as R4, 令和4年度,
                H29
            target (float | None | Unset):  Example: 2600.
            actual (float | None | Unset):  Example: 2252.
            raw (None | str | Unset):
     """

    fiscal_year: int | str
    target: float | None | Unset = UNSET
    actual: float | None | Unset = UNSET
    raw: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        fiscal_year: int | str
        fiscal_year = self.fiscal_year

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
            "fiscal_year": fiscal_year,
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
        def _parse_fiscal_year(data: object) -> int | str:
            return cast(int | str, data)

        fiscal_year = _parse_fiscal_year(d.pop("fiscal_year"))


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


        bundle_target_year = cls(
            fiscal_year=fiscal_year,
            target=target,
            actual=actual,
            raw=raw,
        )

        return bundle_target_year

