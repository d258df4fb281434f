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

if TYPE_CHECKING:
  from ..models.bundle_plan_rating_legend_type_0 import BundlePlanRatingLegendType0
  from ..models.rating_rule import RatingRule





T = TypeVar("T", bound="BundlePlan")



@_attrs_define
class BundlePlan:
    """ 
        Attributes:
            title (str):  Example: 白井市第2次地域福祉計画.
            organization (str):  Example: 白井市.
            level_labels (list[str]):  Example: ['基本方針', '施策の方向', '事業'].
            start_fy (int | None | str | Unset):
            end_fy (int | None | str | Unset):
            rating_scale (list[str] | None | Unset): Grade codes, best first; `null`: the default A–D.
            rating_legend (BundlePlanRatingLegendType0 | None | Unset): Label of each grade.
            status (None | PlanStatus | Unset):
            owner_department (None | str | Unset): Name of the council (a department of the bundle or of the server) that
                owns the plan. Example: 社会福祉協議会.
            quarterly_reports (bool | None | Unset): Whether reports carry quarters due each quarter; `null`: when any year
                of the bundle has quarters.
            report_due_days (int | None | Unset): Days after the FY ends that a year's report is due; `null`: 61 (31 May).
            quarter_due_days (int | None | Unset): Days after a quarter ends that it is due; `null`: 30.
            packet_layout (None | PacketLayout | Unset):
            rating_rule (None | RatingRule | Unset):
     """

    title: str
    organization: str
    level_labels: list[str]
    start_fy: int | None | str | Unset = UNSET
    end_fy: int | None | str | Unset = UNSET
    rating_scale: list[str] | None | Unset = UNSET
    rating_legend: BundlePlanRatingLegendType0 | None | Unset = UNSET
    status: None | PlanStatus | Unset = UNSET
    owner_department: None | str | Unset = UNSET
    quarterly_reports: bool | None | Unset = UNSET
    report_due_days: int | None | Unset = UNSET
    quarter_due_days: int | None | Unset = UNSET
    packet_layout: None | PacketLayout | Unset = UNSET
    rating_rule: None | RatingRule | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.bundle_plan_rating_legend_type_0 import BundlePlanRatingLegendType0 # noqa: PLC0415
        from ..models.rating_rule import RatingRule # noqa: PLC0415
        title = self.title

        organization = self.organization

        level_labels = self.level_labels



        start_fy: int | None | str | Unset
        if isinstance(self.start_fy, Unset):
            start_fy = UNSET
        else:
            start_fy = self.start_fy

        end_fy: int | None | str | Unset
        if isinstance(self.end_fy, Unset):
            end_fy = UNSET
        else:
            end_fy = self.end_fy

        rating_scale: list[str] | None | Unset
        if isinstance(self.rating_scale, Unset):
            rating_scale = UNSET
        elif isinstance(self.rating_scale, list):
            rating_scale = self.rating_scale


        else:
            rating_scale = self.rating_scale

        rating_legend: dict[str, Any] | None | Unset
        if isinstance(self.rating_legend, Unset):
            rating_legend = UNSET
        elif isinstance(self.rating_legend, BundlePlanRatingLegendType0):
            rating_legend = self.rating_legend.to_dict()
        else:
            rating_legend = self.rating_legend

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, PlanStatus):
            status = self.status.value
        else:
            status = self.status

        owner_department: None | str | Unset
        if isinstance(self.owner_department, Unset):
            owner_department = UNSET
        else:
            owner_department = self.owner_department

        quarterly_reports: bool | None | Unset
        if isinstance(self.quarterly_reports, Unset):
            quarterly_reports = UNSET
        else:
            quarterly_reports = self.quarterly_reports

        report_due_days: int | None | Unset
        if isinstance(self.report_due_days, Unset):
            report_due_days = UNSET
        else:
            report_due_days = self.report_due_days

        quarter_due_days: int | None | Unset
        if isinstance(self.quarter_due_days, Unset):
            quarter_due_days = UNSET
        else:
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
            "title": title,
            "organization": organization,
            "level_labels": level_labels,
        })
        if start_fy is not UNSET:
            field_dict["start_fy"] = start_fy
        if end_fy is not UNSET:
            field_dict["end_fy"] = end_fy
        if rating_scale is not UNSET:
            field_dict["rating_scale"] = rating_scale
        if rating_legend is not UNSET:
            field_dict["rating_legend"] = rating_legend
        if status is not UNSET:
            field_dict["status"] = status
        if owner_department is not UNSET:
            field_dict["owner_department"] = owner_department
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
        from ..models.bundle_plan_rating_legend_type_0 import BundlePlanRatingLegendType0 # noqa: PLC0415
        from ..models.rating_rule import RatingRule # noqa: PLC0415
        d = dict(src_dict)
        title = d.pop("title")

        organization = d.pop("organization")

        level_labels = cast(list[str], d.pop("level_labels"))


        def _parse_start_fy(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        start_fy = _parse_start_fy(d.pop("start_fy", UNSET))


        def _parse_end_fy(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        end_fy = _parse_end_fy(d.pop("end_fy", UNSET))


        def _parse_rating_scale(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                rating_scale_type_0 = cast(list[str], data)

                return rating_scale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        rating_scale = _parse_rating_scale(d.pop("rating_scale", UNSET))


        def _parse_rating_legend(data: object) -> BundlePlanRatingLegendType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rating_legend_type_0 = BundlePlanRatingLegendType0.from_dict(data)



                return rating_legend_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BundlePlanRatingLegendType0 | None | Unset, data)

        rating_legend = _parse_rating_legend(d.pop("rating_legend", UNSET))


        def _parse_status(data: object) -> None | PlanStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = PlanStatus(data)



                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        def _parse_owner_department(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_department = _parse_owner_department(d.pop("owner_department", UNSET))


        def _parse_quarterly_reports(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        quarterly_reports = _parse_quarterly_reports(d.pop("quarterly_reports", UNSET))


        def _parse_report_due_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        report_due_days = _parse_report_due_days(d.pop("report_due_days", UNSET))


        def _parse_quarter_due_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quarter_due_days = _parse_quarter_due_days(d.pop("quarter_due_days", UNSET))


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


        bundle_plan = cls(
            title=title,
            organization=organization,
            level_labels=level_labels,
            start_fy=start_fy,
            end_fy=end_fy,
            rating_scale=rating_scale,
            rating_legend=rating_legend,
            status=status,
            owner_department=owner_department,
            quarterly_reports=quarterly_reports,
            report_due_days=report_due_days,
            quarter_due_days=quarter_due_days,
            packet_layout=packet_layout,
            rating_rule=rating_rule,
        )

        return bundle_plan

