from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.field_error import FieldError





T = TypeVar("T", bound="Problem")



@_attrs_define
class Problem:
    """ Problem details (RFC 9457). `errors` lists every invalid field (400, 422), and the refused
    items of a batch (403, 409); it is empty otherwise.

        Example:
            {'type': 'urn:shinchoku:problem:validation', 'title': 'Validation failed', 'status': 422, 'code': 'validation',
                'detail': '2 fields are invalid', 'errors': [{'field': '/title', 'code': 'max_length', 'message': 'must be at
                most 300 characters (it has 301)', 'row': None, 'column': None, 'current_value': None, 'your_value': None},
                {'field': '/start_fy', 'code': 'required', 'message': 'is required', 'row': None, 'column': None,
                'current_value': None, 'your_value': None}]}

        Attributes:
            type_ (str): A URI identifying the kind of problem (`urn:shinchoku:problem:<code>`).
            title (str): The kind of problem, in English (the same for every problem of a kind).
            status (int): The HTTP status code.
            code (str): The kind of problem, stable, for clients to translate: `bad_request`, `unauthorized`,
                `forbidden`, `not_found`, `method_not_allowed`, `conflict`, `precondition_failed`,
                `payload_too_large`, `unsupported_media_type`, `validation`, `too_many_requests`,
                `unavailable`, `internal`.
            detail (str): What happened in this case, for a person.
            errors (list[FieldError]): Every invalid field or parameter, by JSON pointer (`/title`, `/path/plan_id`,
                `/query/limit`).
     """

    type_: str
    title: str
    status: int
    code: str
    detail: str
    errors: list[FieldError]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.field_error import FieldError # noqa: PLC0415
        type_ = self.type_

        title = self.title

        status = self.status

        code = self.code

        detail = self.detail

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "title": title,
            "status": status,
            "code": code,
            "detail": detail,
            "errors": errors,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError # noqa: PLC0415
        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        code = d.pop("code")

        detail = d.pop("detail")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in (_errors):
            errors_item = FieldError.from_dict(errors_item_data)



            errors.append(errors_item)


        problem = cls(
            type_=type_,
            title=title,
            status=status,
            code=code,
            detail=detail,
            errors=errors,
        )


        problem.additional_properties = d
        return problem

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
