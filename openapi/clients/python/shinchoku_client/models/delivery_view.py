from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.delivery_status import DeliveryStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.attempt_view import AttemptView





T = TypeVar("T", bound="DeliveryView")



@_attrs_define
class DeliveryView:
    """ One event's delivery to one subscription.

        Attributes:
            id (UUID):
            event_id (UUID): The `webhook-id` the receiver gets (the same on every attempt).
            event_type (str):  Example: report.published.
            status (DeliveryStatus): Where a delivery stands.
            status_label (str):  Example: 送信済み.
            attempts (int):  Example: 1.
            next_attempt_at (datetime.datetime | None): When the next attempt is due (pending deliveries).
            last_status (int | None): The receiver's last HTTP status. Example: 200.
            last_error (None | str): What went wrong last (a short prefix of the answer, or the connection's error).
            last_attempt_at (datetime.datetime | None):
            delivered_at (datetime.datetime | None):
            created_at (datetime.datetime):
            history (list[AttemptView]): Every attempt, oldest first.
     """

    id: UUID
    event_id: UUID
    event_type: str
    status: DeliveryStatus
    status_label: str
    attempts: int
    next_attempt_at: datetime.datetime | None
    last_status: int | None
    last_error: None | str
    last_attempt_at: datetime.datetime | None
    delivered_at: datetime.datetime | None
    created_at: datetime.datetime
    history: list[AttemptView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.attempt_view import AttemptView # noqa: PLC0415
        id = str(self.id)

        event_id = str(self.event_id)

        event_type = self.event_type

        status = self.status.value

        status_label = self.status_label

        attempts = self.attempts

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        last_status: int | None
        last_status = self.last_status

        last_error: None | str
        last_error = self.last_error

        last_attempt_at: None | str
        if isinstance(self.last_attempt_at, datetime.datetime):
            last_attempt_at = self.last_attempt_at.isoformat()
        else:
            last_attempt_at = self.last_attempt_at

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        created_at = self.created_at.isoformat()

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "event_id": event_id,
            "event_type": event_type,
            "status": status,
            "status_label": status_label,
            "attempts": attempts,
            "next_attempt_at": next_attempt_at,
            "last_status": last_status,
            "last_error": last_error,
            "last_attempt_at": last_attempt_at,
            "delivered_at": delivered_at,
            "created_at": created_at,
            "history": history,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attempt_view import AttemptView # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        event_id = UUID(d.pop("event_id"))




        event_type = d.pop("event_type")

        status = DeliveryStatus(d.pop("status"))




        status_label = d.pop("status_label")

        attempts = d.pop("attempts")

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))


        def _parse_last_status(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status = _parse_last_status(d.pop("last_status"))


        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))


        def _parse_last_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_attempt_at = _parse_last_attempt_at(d.pop("last_attempt_at"))


        def _parse_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)



                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        history = []
        _history = d.pop("history")
        for history_item_data in (_history):
            history_item = AttemptView.from_dict(history_item_data)



            history.append(history_item)


        delivery_view = cls(
            id=id,
            event_id=event_id,
            event_type=event_type,
            status=status,
            status_label=status_label,
            attempts=attempts,
            next_attempt_at=next_attempt_at,
            last_status=last_status,
            last_error=last_error,
            last_attempt_at=last_attempt_at,
            delivered_at=delivered_at,
            created_at=created_at,
            history=history,
        )


        delivery_view.additional_properties = d
        return delivery_view

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
