from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RelatedPrograms")



@_attrs_define
class RelatedPrograms:
    """ The city's and the council's programs that carry an initiative (関係取組・事業).

        Attributes:
            city (None | str | Unset): 市.
            council (None | str | Unset): 市社協.
     """

    city: None | str | Unset = UNSET
    council: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        council: None | str | Unset
        if isinstance(self.council, Unset):
            council = UNSET
        else:
            council = self.council


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if city is not UNSET:
            field_dict["city"] = city
        if council is not UNSET:
            field_dict["council"] = council

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))


        def _parse_council(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        council = _parse_council(d.pop("council", UNSET))


        related_programs = cls(
            city=city,
            council=council,
        )

        return related_programs

