from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.packet_layout import PacketLayout
from ..models.plan_status import PlanStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.rating_grade import RatingGrade
  from ..models.rating_rule import RatingRule





T = TypeVar("T", bound="PlanView")



@_attrs_define
class PlanView:
    """ A multi-year plan.

        Attributes:
            id (UUID):
            title (str):  Example: 白井市第2次地域福祉計画.
            organization (str):  Example: 白井市.
            start_fy (int): First fiscal year of the plan period. Example: 2020.
            start_fy_label (str):  Example: 令和2年度.
            end_fy (int): Last fiscal year of the plan period. Example: 2024.
            end_fy_label (str):  Example: 令和6年度.
            level_labels (list[str]): Names of the hierarchy levels, top first. Example: ['基本方針', '施策の方向', '事業'].
            rating_scale (list[RatingGrade]): The rating scale reports use, best grade first.
            status (PlanStatus): Life cycle of a plan. Published plans are visible to the public portal.
            status_label (str):  Example: 公開.
            source (None | str): Where the plan came from (e.g. the document a bundle was transcribed from).
            owner_department_id (None | UUID): The council that owns the plan (its staff may change the plan's structure);
                `null`: the city's.
            quarterly_reports (bool): Whether reports carry four quarters (進行管理 ○ × —) that are due each quarter.
            report_due_days (int): A fiscal year's report is due this many days after the FY ends (31 March). Example: 61.
            quarter_due_days (int): A quarter is due this many days after the quarter ends (quarterly plans). Example: 30.
            packet_layout (None | PacketLayout):
            rating_rule (None | RatingRule):
            data_version (int): Grows with every write to any data of the plan (for caches).
            version (int): Version of the plan record itself; the ETag is this number in quotes.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    title: str
    organization: str
    start_fy: int
    start_fy_label: str
    end_fy: int
    end_fy_label: str
    level_labels: list[str]
    rating_scale: list[RatingGrade]
    status: PlanStatus
    status_label: str
    source: None | str
    owner_department_id: None | UUID
    quarterly_reports: bool
    report_due_days: int
    quarter_due_days: int
    packet_layout: None | PacketLayout
    rating_rule: None | RatingRule
    data_version: int
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.rating_grade import RatingGrade # noqa: PLC0415
        from ..models.rating_rule import RatingRule # noqa: PLC0415
        id = str(self.id)

        title = self.title

        organization = self.organization

        start_fy = self.start_fy

        start_fy_label = self.start_fy_label

        end_fy = self.end_fy

        end_fy_label = self.end_fy_label

        level_labels = self.level_labels



        rating_scale = []
        for rating_scale_item_data in self.rating_scale:
            rating_scale_item = rating_scale_item_data.to_dict()
            rating_scale.append(rating_scale_item)



        status = self.status.value

        status_label = self.status_label

        source: None | str
        source = self.source

        owner_department_id: None | str
        if isinstance(self.owner_department_id, UUID):
            owner_department_id = str(self.owner_department_id)
        else:
            owner_department_id = self.owner_department_id

        quarterly_reports = self.quarterly_reports

        report_due_days = self.report_due_days

        quarter_due_days = self.quarter_due_days

        packet_layout: None | str
        if isinstance(self.packet_layout, PacketLayout):
            packet_layout = self.packet_layout.value
        else:
            packet_layout = self.packet_layout

        rating_rule: dict[str, Any] | None
        if isinstance(self.rating_rule, RatingRule):
            rating_rule = self.rating_rule.to_dict()
        else:
            rating_rule = self.rating_rule

        data_version = self.data_version

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "title": title,
            "organization": organization,
            "start_fy": start_fy,
            "start_fy_label": start_fy_label,
            "end_fy": end_fy,
            "end_fy_label": end_fy_label,
            "level_labels": level_labels,
            "rating_scale": rating_scale,
            "status": status,
            "status_label": status_label,
            "source": source,
            "owner_department_id": owner_department_id,
            "quarterly_reports": quarterly_reports,
            "report_due_days": report_due_days,
            "quarter_due_days": quarter_due_days,
            "packet_layout": packet_layout,
            "rating_rule": rating_rule,
            "data_version": data_version,
            "version": version,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rating_grade import RatingGrade # noqa: PLC0415
        from ..models.rating_rule import RatingRule # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        title = d.pop("title")

        organization = d.pop("organization")

        start_fy = d.pop("start_fy")

        start_fy_label = d.pop("start_fy_label")

        end_fy = d.pop("end_fy")

        end_fy_label = d.pop("end_fy_label")

        level_labels = cast(list[str], d.pop("level_labels"))


        rating_scale = []
        _rating_scale = d.pop("rating_scale")
        for rating_scale_item_data in (_rating_scale):
            rating_scale_item = RatingGrade.from_dict(rating_scale_item_data)



            rating_scale.append(rating_scale_item)


        status = PlanStatus(d.pop("status"))




        status_label = d.pop("status_label")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))


        def _parse_owner_department_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_department_id_type_0 = UUID(data)



                return owner_department_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        owner_department_id = _parse_owner_department_id(d.pop("owner_department_id"))


        quarterly_reports = d.pop("quarterly_reports")

        report_due_days = d.pop("report_due_days")

        quarter_due_days = d.pop("quarter_due_days")

        def _parse_packet_layout(data: object) -> None | PacketLayout:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                packet_layout_type_1 = PacketLayout(data)



                return packet_layout_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PacketLayout, data)

        packet_layout = _parse_packet_layout(d.pop("packet_layout"))


        def _parse_rating_rule(data: object) -> None | RatingRule:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rating_rule_type_1 = RatingRule.from_dict(data)



                return rating_rule_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RatingRule, data)

        rating_rule = _parse_rating_rule(d.pop("rating_rule"))


        data_version = d.pop("data_version")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        plan_view = cls(
            id=id,
            title=title,
            organization=organization,
            start_fy=start_fy,
            start_fy_label=start_fy_label,
            end_fy=end_fy,
            end_fy_label=end_fy_label,
            level_labels=level_labels,
            rating_scale=rating_scale,
            status=status,
            status_label=status_label,
            source=source,
            owner_department_id=owner_department_id,
            quarterly_reports=quarterly_reports,
            report_due_days=report_due_days,
            quarter_due_days=quarter_due_days,
            packet_layout=packet_layout,
            rating_rule=rating_rule,
            data_version=data_version,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )


        plan_view.additional_properties = d
        return plan_view

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
