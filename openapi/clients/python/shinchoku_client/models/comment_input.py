from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="CommentInput")



@_attrs_define
class CommentInput:
    """ A new comment, or a reply to one.

        Attributes:
            body (str):  Example: 参加者数の推移を次年度の報告にも記載してください。.
            in_reply_to (None | Unset | UUID): The comment this one answers (required for the department's replies).
     """

    body: str
    in_reply_to: None | Unset | UUID = UNSET





    def to_dict(self) -> dict[str, Any]:
        body = self.body

        in_reply_to: None | str | Unset
        if isinstance(self.in_reply_to, Unset):
            in_reply_to = UNSET
        elif isinstance(self.in_reply_to, UUID):
            in_reply_to = str(self.in_reply_to)
        else:
            in_reply_to = self.in_reply_to


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "body": body,
        })
        if in_reply_to is not UNSET:
            field_dict["in_reply_to"] = in_reply_to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        def _parse_in_reply_to(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                in_reply_to_type_0 = UUID(data)



                return in_reply_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        in_reply_to = _parse_in_reply_to(d.pop("in_reply_to", UNSET))


        comment_input = cls(
            body=body,
            in_reply_to=in_reply_to,
        )

        return comment_input

