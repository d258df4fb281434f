from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.annual_report_view import AnnualReportView





T = TypeVar("T", bound="TimelineYear")



@_attrs_define
class TimelineYear:
    """ One fiscal year of an initiative.

        Attributes:
            fiscal_year (int):  Example: 2022.
            fiscal_year_label (str):  Example: 令和4年度.
            report (AnnualReportView | None):
     """

    fiscal_year: int
    fiscal_year_label: str
    report: AnnualReportView | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.annual_report_view import AnnualReportView # noqa: PLC0415
        fiscal_year = self.fiscal_year

        fiscal_year_label = self.fiscal_year_label

        report: dict[str, Any] | None
        if isinstance(self.report, AnnualReportView):
            report = self.report.to_dict()
        else:
            report = self.report


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "fiscal_year": fiscal_year,
            "fiscal_year_label": fiscal_year_label,
            "report": report,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.annual_report_view import AnnualReportView # noqa: PLC0415
        d = dict(src_dict)
        fiscal_year = d.pop("fiscal_year")

        fiscal_year_label = d.pop("fiscal_year_label")

        def _parse_report(data: object) -> AnnualReportView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                report_type_1 = AnnualReportView.from_dict(data)



                return report_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AnnualReportView | None, data)

        report = _parse_report(d.pop("report"))


        timeline_year = cls(
            fiscal_year=fiscal_year,
            fiscal_year_label=fiscal_year_label,
            report=report,
        )


        timeline_year.additional_properties = d
        return timeline_year

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
