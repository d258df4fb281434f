from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.event_type import EventType
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="WebhookView")



@_attrs_define
class WebhookView:
    """ A subscription (never with its secret, which only its creation answers).

        Attributes:
            id (UUID):
            url (str):  Example: https://portal.city.example.jp/hooks/shinchoku.
            events (list[EventType]):  Example: ['report.published', 'plan.published'].
            plan_id (None | UUID): Only this plan's events; `null`: every plan's.
            active (bool): An inactive subscription is sent no event (what was queued for it fails), only the tests
                asked for it.
            description (None | str):  Example: 市ホームページの進捗ページ.
            failed_deliveries (int): Deliveries that gave up after every retry.
            version (int):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    url: str
    events: list[EventType]
    plan_id: None | UUID
    active: bool
    description: None | str
    failed_deliveries: int
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        url = self.url

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)



        plan_id: None | str
        if isinstance(self.plan_id, UUID):
            plan_id = str(self.plan_id)
        else:
            plan_id = self.plan_id

        active = self.active

        description: None | str
        description = self.description

        failed_deliveries = self.failed_deliveries

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "url": url,
            "events": events,
            "plan_id": plan_id,
            "active": active,
            "description": description,
            "failed_deliveries": failed_deliveries,
            "version": version,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        url = d.pop("url")

        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = EventType(events_item_data)



            events.append(events_item)


        def _parse_plan_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plan_id_type_0 = UUID(data)



                return plan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        plan_id = _parse_plan_id(d.pop("plan_id"))


        active = d.pop("active")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        failed_deliveries = d.pop("failed_deliveries")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        webhook_view = cls(
            id=id,
            url=url,
            events=events,
            plan_id=plan_id,
            active=active,
            description=description,
            failed_deliveries=failed_deliveries,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )


        webhook_view.additional_properties = d
        return webhook_view

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
