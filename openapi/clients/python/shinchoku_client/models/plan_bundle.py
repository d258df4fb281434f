from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.bundle_department import BundleDepartment
  from ..models.bundle_initiative import BundleInitiative
  from ..models.bundle_node import BundleNode
  from ..models.bundle_plan import BundlePlan
  from ..models.bundle_target import BundleTarget





T = TypeVar("T", bound="PlanBundle")



@_attrs_define
class PlanBundle:
    """ A whole plan: structure, departments, per-year data and plan-level targets.

        Attributes:
            plan (BundlePlan):
            format_version (int | None | Unset): `1`; absent in the first fixtures. Example: 1.
            source (None | str | Unset): The document the bundle was transcribed from. Example: sources/regional-welfare-
                plan-fy2020-2022.txt.
            departments (list[BundleDepartment] | Unset):
            nodes (list[BundleNode] | Unset):
            initiatives (list[BundleInitiative] | Unset):
            plan_targets (list[BundleTarget] | Unset):
     """

    plan: BundlePlan
    format_version: int | None | Unset = UNSET
    source: None | str | Unset = UNSET
    departments: list[BundleDepartment] | Unset = UNSET
    nodes: list[BundleNode] | Unset = UNSET
    initiatives: list[BundleInitiative] | Unset = UNSET
    plan_targets: list[BundleTarget] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.bundle_department import BundleDepartment # noqa: PLC0415
        from ..models.bundle_initiative import BundleInitiative # noqa: PLC0415
        from ..models.bundle_node import BundleNode # noqa: PLC0415
        from ..models.bundle_plan import BundlePlan # noqa: PLC0415
        from ..models.bundle_target import BundleTarget # noqa: PLC0415
        plan = self.plan.to_dict()

        format_version: int | None | Unset
        if isinstance(self.format_version, Unset):
            format_version = UNSET
        else:
            format_version = self.format_version

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        departments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.departments, Unset):
            departments = []
            for departments_item_data in self.departments:
                departments_item = departments_item_data.to_dict()
                departments.append(departments_item)



        nodes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.nodes, Unset):
            nodes = []
            for nodes_item_data in self.nodes:
                nodes_item = nodes_item_data.to_dict()
                nodes.append(nodes_item)



        initiatives: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.initiatives, Unset):
            initiatives = []
            for initiatives_item_data in self.initiatives:
                initiatives_item = initiatives_item_data.to_dict()
                initiatives.append(initiatives_item)



        plan_targets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.plan_targets, Unset):
            plan_targets = []
            for plan_targets_item_data in self.plan_targets:
                plan_targets_item = plan_targets_item_data.to_dict()
                plan_targets.append(plan_targets_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "plan": plan,
        })
        if format_version is not UNSET:
            field_dict["format_version"] = format_version
        if source is not UNSET:
            field_dict["source"] = source
        if departments is not UNSET:
            field_dict["departments"] = departments
        if nodes is not UNSET:
            field_dict["nodes"] = nodes
        if initiatives is not UNSET:
            field_dict["initiatives"] = initiatives
        if plan_targets is not UNSET:
            field_dict["plan_targets"] = plan_targets

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bundle_department import BundleDepartment # noqa: PLC0415
        from ..models.bundle_initiative import BundleInitiative # noqa: PLC0415
        from ..models.bundle_node import BundleNode # noqa: PLC0415
        from ..models.bundle_plan import BundlePlan # noqa: PLC0415
        from ..models.bundle_target import BundleTarget # noqa: PLC0415
        d = dict(src_dict)
        plan = BundlePlan.from_dict(d.pop("plan"))




        def _parse_format_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        format_version = _parse_format_version(d.pop("format_version", UNSET))


        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))


        _departments = d.pop("departments", UNSET)
        departments: list[BundleDepartment] | Unset = UNSET
        if _departments is not UNSET:
            departments = []
            for departments_item_data in _departments:
                departments_item = BundleDepartment.from_dict(departments_item_data)



                departments.append(departments_item)


        _nodes = d.pop("nodes", UNSET)
        nodes: list[BundleNode] | Unset = UNSET
        if _nodes is not UNSET:
            nodes = []
            for nodes_item_data in _nodes:
                nodes_item = BundleNode.from_dict(nodes_item_data)



                nodes.append(nodes_item)


        _initiatives = d.pop("initiatives", UNSET)
        initiatives: list[BundleInitiative] | Unset = UNSET
        if _initiatives is not UNSET:
            initiatives = []
            for initiatives_item_data in _initiatives:
                initiatives_item = BundleInitiative.from_dict(initiatives_item_data)



                initiatives.append(initiatives_item)


        _plan_targets = d.pop("plan_targets", UNSET)
        plan_targets: list[BundleTarget] | Unset = UNSET
        if _plan_targets is not UNSET:
            plan_targets = []
            for plan_targets_item_data in _plan_targets:
                plan_targets_item = BundleTarget.from_dict(plan_targets_item_data)



                plan_targets.append(plan_targets_item)


        plan_bundle = cls(
            plan=plan,
            format_version=format_version,
            source=source,
            departments=departments,
            nodes=nodes,
            initiatives=initiatives,
            plan_targets=plan_targets,
        )

        return plan_bundle

