from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.quarter_mark import QuarterMark
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="BatchQuarterInput")



@_attrs_define
class BatchQuarterInput:
    """ One quarter (1 = 4～6月 … 4 = 1～3月), replaced whole.

        Attributes:
            quarter (int):  Example: 1.
            plan_text (None | str | Unset):  Example: 運用方法検討.
            result_text (None | str | Unset):  Example: 関係課と協議を実施.
            mark (None | QuarterMark | Unset):
     """

    quarter: int
    plan_text: None | str | Unset = UNSET
    result_text: None | str | Unset = UNSET
    mark: None | QuarterMark | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        quarter = self.quarter

        plan_text: None | str | Unset
        if isinstance(self.plan_text, Unset):
            plan_text = UNSET
        else:
            plan_text = self.plan_text

        result_text: None | str | Unset
        if isinstance(self.result_text, Unset):
            result_text = UNSET
        else:
            result_text = self.result_text

        mark: None | str | Unset
        if isinstance(self.mark, Unset):
            mark = UNSET
        elif isinstance(self.mark, QuarterMark):
            mark = self.mark.value
        else:
            mark = self.mark


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "quarter": quarter,
        })
        if plan_text is not UNSET:
            field_dict["plan_text"] = plan_text
        if result_text is not UNSET:
            field_dict["result_text"] = result_text
        if mark is not UNSET:
            field_dict["mark"] = mark

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        quarter = d.pop("quarter")

        def _parse_plan_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan_text = _parse_plan_text(d.pop("plan_text", UNSET))


        def _parse_result_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result_text = _parse_result_text(d.pop("result_text", UNSET))


        def _parse_mark(data: object) -> None | QuarterMark | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mark_type_1 = QuarterMark(data)



                return mark_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuarterMark | Unset, data)

        mark = _parse_mark(d.pop("mark", UNSET))


        batch_quarter_input = cls(
            quarter=quarter,
            plan_text=plan_text,
            result_text=result_text,
            mark=mark,
        )

        return batch_quarter_input

