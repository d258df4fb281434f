from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.annual_report_view import AnnualReportView
  from ..models.revision_summary import RevisionSummary





T = TypeVar("T", bound="Revision")



@_attrs_define
class Revision:
    """ One version whole.

        Attributes:
            revision (RevisionSummary): One version of a report in its history.
            report (AnnualReportView): The annual report of an initiative for one fiscal year.
     """

    revision: RevisionSummary
    report: AnnualReportView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.annual_report_view import AnnualReportView # noqa: PLC0415
        from ..models.revision_summary import RevisionSummary # noqa: PLC0415
        revision = self.revision.to_dict()

        report = self.report.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "revision": revision,
            "report": report,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.annual_report_view import AnnualReportView # noqa: PLC0415
        from ..models.revision_summary import RevisionSummary # noqa: PLC0415
        d = dict(src_dict)
        revision = RevisionSummary.from_dict(d.pop("revision"))




        report = AnnualReportView.from_dict(d.pop("report"))




        revision = cls(
            revision=revision,
            report=report,
        )


        revision.additional_properties = d
        return revision

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
