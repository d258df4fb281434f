from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.quarter_mark import QuarterMark
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="QuarterInput")



@_attrs_define
class QuarterInput:
    """ One quarter, replaced whole (`PUT`): a field left out is `null`.

        Attributes:
            plan_text (None | str | Unset): What was planned for the quarter. Example: 運用方法検討.
            result_text (None | str | Unset): What was done. Example: 関係課と協議を実施.
            mark (None | QuarterMark | Unset):
     """

    plan_text: None | str | Unset = UNSET
    result_text: None | str | Unset = UNSET
    mark: None | QuarterMark | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
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


        quarter_input = cls(
            plan_text=plan_text,
            result_text=result_text,
            mark=mark,
        )

        return quarter_input

