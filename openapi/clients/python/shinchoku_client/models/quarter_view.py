from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.quarter_mark import QuarterMark
from typing import cast
import datetime






T = TypeVar("T", bound="QuarterView")



@_attrs_define
class QuarterView:
    """ One quarterly update (進行管理).

        Attributes:
            quarter (int):  Example: 1.
            quarter_label (str): `4～6月`, `7～9月`, `10～12月`, `1～3月`. Example: 4～6月.
            plan_text (None | str):  Example: 運用方法検討.
            result_text (None | str):
            mark (None | QuarterMark):
            mark_label (None | str): `○`, `×` or `—`. Example: ○.
            version (int):
            updated_at (datetime.datetime):
     """

    quarter: int
    quarter_label: str
    plan_text: None | str
    result_text: None | str
    mark: None | QuarterMark
    mark_label: None | str
    version: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        quarter = self.quarter

        quarter_label = self.quarter_label

        plan_text: None | str
        plan_text = self.plan_text

        result_text: None | str
        result_text = self.result_text

        mark: None | str
        if isinstance(self.mark, QuarterMark):
            mark = self.mark.value
        else:
            mark = self.mark

        mark_label: None | str
        mark_label = self.mark_label

        version = self.version

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "quarter": quarter,
            "quarter_label": quarter_label,
            "plan_text": plan_text,
            "result_text": result_text,
            "mark": mark,
            "mark_label": mark_label,
            "version": version,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        quarter = d.pop("quarter")

        quarter_label = d.pop("quarter_label")

        def _parse_plan_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        plan_text = _parse_plan_text(d.pop("plan_text"))


        def _parse_result_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        result_text = _parse_result_text(d.pop("result_text"))


        def _parse_mark(data: object) -> None | QuarterMark:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mark_type_1 = QuarterMark(data)



                return mark_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuarterMark, data)

        mark = _parse_mark(d.pop("mark"))


        def _parse_mark_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mark_label = _parse_mark_label(d.pop("mark_label"))


        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        quarter_view = cls(
            quarter=quarter,
            quarter_label=quarter_label,
            plan_text=plan_text,
            result_text=result_text,
            mark=mark,
            mark_label=mark_label,
            version=version,
            updated_at=updated_at,
        )


        quarter_view.additional_properties = d
        return quarter_view

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
