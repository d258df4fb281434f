from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_type import EventType
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.pending_item import PendingItem





T = TypeVar("T", bound="DueEvent")



@_attrs_define
class DueEvent:
    """ The body of the due-date events.

        Attributes:
            type_ (EventType): What happened, as receivers subscribe to it.
            timestamp (datetime.datetime):
            data (PendingItem): A report (or, for quarterly plans, a quarter) not yet handed in.
     """

    type_: EventType
    timestamp: datetime.datetime
    data: PendingItem
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.pending_item import PendingItem # noqa: PLC0415
        type_ = self.type_.value

        timestamp = self.timestamp.isoformat()

        data = self.data.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "timestamp": timestamp,
            "data": data,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pending_item import PendingItem # noqa: PLC0415
        d = dict(src_dict)
        type_ = EventType(d.pop("type"))




        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))




        data = PendingItem.from_dict(d.pop("data"))




        due_event = cls(
            type_=type_,
            timestamp=timestamp,
            data=data,
        )


        due_event.additional_properties = d
        return due_event

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
