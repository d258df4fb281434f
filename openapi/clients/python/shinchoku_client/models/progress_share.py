from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.progress_status import ProgressStatus
from typing import cast






T = TypeVar("T", bound="ProgressShare")



@_attrs_define
class ProgressShare:
    """ One status of a progress distribution (進捗状況).

        Attributes:
            status (None | ProgressStatus):
            label (str):  Example: 順調に進んだ.
            count (int):  Example: 40.
            share (float):  Example: 0.833.
     """

    status: None | ProgressStatus
    label: str
    count: int
    share: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        status: None | str
        if isinstance(self.status, ProgressStatus):
            status = self.status.value
        else:
            status = self.status

        label = self.label

        count = self.count

        share = self.share


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "label": label,
            "count": count,
            "share": share,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_status(data: object) -> None | ProgressStatus:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = ProgressStatus(data)



                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProgressStatus, data)

        status = _parse_status(d.pop("status"))


        label = d.pop("label")

        count = d.pop("count")

        share = d.pop("share")

        progress_share = cls(
            status=status,
            label=label,
            count=count,
            share=share,
        )


        progress_share.additional_properties = d
        return progress_share

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
