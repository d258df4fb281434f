from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.packet_layout import PacketLayout
from ..models.plan_status import PlanStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.rating_grade import RatingGrade
  from ..models.rating_rule import RatingRule





T = TypeVar("T", bound="PlanPatch")



@_attrs_define
class PlanPatch:
    """ Changes to a plan (JSON merge patch). Narrowing the period is refused (409) while data lies outside it.

        Attributes:
            title (str | Unset):
            organization (str | Unset):
            start_fy (int | Unset):
            end_fy (int | Unset):  Example: 2024.
            level_labels (list[str] | Unset):
            rating_scale (list[RatingGrade] | Unset):
            status (PlanStatus | Unset): Life cycle of a plan. Published plans are visible to the public portal.
            source (None | str | Unset):
            owner_department_id (None | Unset | UUID): Admin only.
            quarterly_reports (bool | Unset):
            report_due_days (int | Unset):
            quarter_due_days (int | Unset):
            packet_layout (None | PacketLayout | Unset):
            rating_rule (None | RatingRule | Unset):
     """

    title: str | Unset = UNSET
    organization: str | Unset = UNSET
    start_fy: int | Unset = UNSET
    end_fy: int | Unset = UNSET
    level_labels: list[str] | Unset = UNSET
    rating_scale: list[RatingGrade] | Unset = UNSET
    status: PlanStatus | Unset = UNSET
    source: None | str | Unset = UNSET
    owner_department_id: None | Unset | UUID = UNSET
    quarterly_reports: bool | Unset = UNSET
    report_due_days: int | Unset = UNSET
    quarter_due_days: int | Unset = UNSET
    packet_layout: None | PacketLayout | Unset = UNSET
    rating_rule: None | RatingRule | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.rating_grade import RatingGrade # noqa: PLC0415
        from ..models.rating_rule import RatingRule # noqa: PLC0415
        title = self.title

        organization = self.organization

        start_fy = self.start_fy

        end_fy = self.end_fy

        level_labels: list[str] | Unset = UNSET
        if not isinstance(self.level_labels, Unset):
            level_labels = self.level_labels



        rating_scale: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rating_scale, Unset):
            rating_scale = []
            for rating_scale_item_data in self.rating_scale:
                rating_scale_item = rating_scale_item_data.to_dict()
                rating_scale.append(rating_scale_item)



        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        owner_department_id: None | str | Unset
        if isinstance(self.owner_department_id, Unset):
            owner_department_id = UNSET
        elif isinstance(self.owner_department_id, UUID):
            owner_department_id = str(self.owner_department_id)
        else:
            owner_department_id = self.owner_department_id

        quarterly_reports = self.quarterly_reports

        report_due_days = self.report_due_days

        quarter_due_days = self.quarter_due_days

        packet_layout: None | str | Unset
        if isinstance(self.packet_layout, Unset):
            packet_layout = UNSET
        elif isinstance(self.packet_layout, PacketLayout):
            packet_layout = self.packet_layout.value
        else:
            packet_layout = self.packet_layout

        rating_rule: dict[str, Any] | None | Unset
        if isinstance(self.rating_rule, Unset):
            rating_rule = UNSET
        elif isinstance(self.rating_rule, RatingRule):
            rating_rule = self.rating_rule.to_dict()
        else:
            rating_rule = self.rating_rule


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if title is not UNSET:
            field_dict["title"] = title
        if organization is not UNSET:
            field_dict["organization"] = organization
        if start_fy is not UNSET:
            field_dict["start_fy"] = start_fy
        if end_fy is not UNSET:
            field_dict["end_fy"] = end_fy
        if level_labels is not UNSET:
            field_dict["level_labels"] = level_labels
        if rating_scale is not UNSET:
            field_dict["rating_scale"] = rating_scale
        if status is not UNSET:
            field_dict["status"] = status
        if source is not UNSET:
            field_dict["source"] = source
        if owner_department_id is not UNSET:
            field_dict["owner_department_id"] = owner_department_id
        if quarterly_reports is not UNSET:
            field_dict["quarterly_reports"] = quarterly_reports
        if report_due_days is not UNSET:
            field_dict["report_due_days"] = report_due_days
        if quarter_due_days is not UNSET:
            field_dict["quarter_due_days"] = quarter_due_days
        if packet_layout is not UNSET:
            field_dict["packet_layout"] = packet_layout
        if rating_rule is not UNSET:
            field_dict["rating_rule"] = rating_rule

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rating_grade import RatingGrade # noqa: PLC0415
        from ..models.rating_rule import RatingRule # noqa: PLC0415
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        organization = d.pop("organization", UNSET)

        start_fy = d.pop("start_fy", UNSET)

        end_fy = d.pop("end_fy", UNSET)

        level_labels = cast(list[str], d.pop("level_labels", UNSET))


        _rating_scale = d.pop("rating_scale", UNSET)
        rating_scale: list[RatingGrade] | Unset = UNSET
        if _rating_scale is not UNSET:
            rating_scale = []
            for rating_scale_item_data in _rating_scale:
                rating_scale_item = RatingGrade.from_dict(rating_scale_item_data)



                rating_scale.append(rating_scale_item)


        _status = d.pop("status", UNSET)
        status: PlanStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = PlanStatus(_status)




        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))


        def _parse_owner_department_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_department_id_type_0 = UUID(data)



                return owner_department_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        owner_department_id = _parse_owner_department_id(d.pop("owner_department_id", UNSET))


        quarterly_reports = d.pop("quarterly_reports", UNSET)

        report_due_days = d.pop("report_due_days", UNSET)

        quarter_due_days = d.pop("quarter_due_days", UNSET)

        def _parse_packet_layout(data: object) -> None | PacketLayout | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                packet_layout_type_1 = PacketLayout(data)



                return packet_layout_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PacketLayout | Unset, data)

        packet_layout = _parse_packet_layout(d.pop("packet_layout", UNSET))


        def _parse_rating_rule(data: object) -> None | RatingRule | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rating_rule_type_1 = RatingRule.from_dict(data)



                return rating_rule_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RatingRule | Unset, data)

        rating_rule = _parse_rating_rule(d.pop("rating_rule", UNSET))


        plan_patch = cls(
            title=title,
            organization=organization,
            start_fy=start_fy,
            end_fy=end_fy,
            level_labels=level_labels,
            rating_scale=rating_scale,
            status=status,
            source=source,
            owner_department_id=owner_department_id,
            quarterly_reports=quarterly_reports,
            report_due_days=report_due_days,
            quarter_due_days=quarter_due_days,
            packet_layout=packet_layout,
            rating_rule=rating_rule,
        )

        return plan_patch

