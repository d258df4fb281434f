from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.achievement import Achievement





T = TypeVar("T", bound="IndicatorValueEntry")



@_attrs_define
class IndicatorValueEntry:
    """ An indicator's target and actual for one fiscal year, with its achievement.

        Attributes:
            indicator_id (UUID):
            fiscal_year (int):  Example: 2022.
            fiscal_year_label (str):  Example: 令和4年度.
            target (float | None):
            actual (float | None):  Example: 2300.
            raw (None | str):  Example: 2,300.
            achievement (Achievement): The verdict for one indicator and FY.
            version (int):
            updated_at (datetime.datetime):
     """

    indicator_id: UUID
    fiscal_year: int
    fiscal_year_label: str
    target: float | None
    actual: float | None
    raw: None | str
    achievement: Achievement
    version: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.achievement import Achievement # noqa: PLC0415
        indicator_id = str(self.indicator_id)

        fiscal_year = self.fiscal_year

        fiscal_year_label = self.fiscal_year_label

        target: float | None
        target = self.target

        actual: float | None
        actual = self.actual

        raw: None | str
        raw = self.raw

        achievement = self.achievement.to_dict()

        version = self.version

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "indicator_id": indicator_id,
            "fiscal_year": fiscal_year,
            "fiscal_year_label": fiscal_year_label,
            "target": target,
            "actual": actual,
            "raw": raw,
            "achievement": achievement,
            "version": version,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.achievement import Achievement # noqa: PLC0415
        d = dict(src_dict)
        indicator_id = UUID(d.pop("indicator_id"))




        fiscal_year = d.pop("fiscal_year")

        fiscal_year_label = d.pop("fiscal_year_label")

        def _parse_target(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        target = _parse_target(d.pop("target"))


        def _parse_actual(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        actual = _parse_actual(d.pop("actual"))


        def _parse_raw(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        raw = _parse_raw(d.pop("raw"))


        achievement = Achievement.from_dict(d.pop("achievement"))




        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        indicator_value_entry = cls(
            indicator_id=indicator_id,
            fiscal_year=fiscal_year,
            fiscal_year_label=fiscal_year_label,
            target=target,
            actual=actual,
            raw=raw,
            achievement=achievement,
            version=version,
            updated_at=updated_at,
        )


        indicator_value_entry.additional_properties = d
        return indicator_value_entry

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
