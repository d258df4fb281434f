from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SuggestionCounts")



@_attrs_define
class SuggestionCounts:
    """ Self-ratings beside the plan's rating suggestions (docs/domain.md, "Rating suggestions"), over
    the counted reports whose contents the caller may see.

        Attributes:
            suggested (int): Reports whose year has a suggestion (enough indicators measurable). Example: 40.
            agreeing (int): … whose self-rating is the suggested grade. Example: 31.
            differing (int): … whose self-rating is another grade. Example: 6.
            unrated (int): … not self-rated yet. Example: 3.
            without_suggestion (int): Reports whose year has no suggestion (too few indicators measurable). Example: 8.
     """

    suggested: int
    agreeing: int
    differing: int
    unrated: int
    without_suggestion: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        suggested = self.suggested

        agreeing = self.agreeing

        differing = self.differing

        unrated = self.unrated

        without_suggestion = self.without_suggestion


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "suggested": suggested,
            "agreeing": agreeing,
            "differing": differing,
            "unrated": unrated,
            "without_suggestion": without_suggestion,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        suggested = d.pop("suggested")

        agreeing = d.pop("agreeing")

        differing = d.pop("differing")

        unrated = d.pop("unrated")

        without_suggestion = d.pop("without_suggestion")

        suggestion_counts = cls(
            suggested=suggested,
            agreeing=agreeing,
            differing=differing,
            unrated=unrated,
            without_suggestion=without_suggestion,
        )


        suggestion_counts.additional_properties = d
        return suggestion_counts

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
