from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.import_counts import ImportCounts
  from ..models.plan_view import PlanView





T = TypeVar("T", bound="ImportResult")



@_attrs_define
class ImportResult:
    """ The plan an import created, with what it holds.

        Attributes:
            plan (PlanView): A multi-year plan.
            counts (ImportCounts): What an import created, for the response.
     """

    plan: PlanView
    counts: ImportCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.import_counts import ImportCounts # noqa: PLC0415
        from ..models.plan_view import PlanView # noqa: PLC0415
        plan = self.plan.to_dict()

        counts = self.counts.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "plan": plan,
            "counts": counts,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_counts import ImportCounts # noqa: PLC0415
        from ..models.plan_view import PlanView # noqa: PLC0415
        d = dict(src_dict)
        plan = PlanView.from_dict(d.pop("plan"))




        counts = ImportCounts.from_dict(d.pop("counts"))




        import_result = cls(
            plan=plan,
            counts=counts,
        )


        import_result.additional_properties = d
        return import_result

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
