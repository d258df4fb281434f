from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.initiative_status import InitiativeStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.related_programs import RelatedPrograms
  from ..models.responsible_department import ResponsibleDepartment





T = TypeVar("T", bound="InitiativeView")



@_attrs_define
class InitiativeView:
    """ An initiative with its placements and responsible departments.

        Attributes:
            id (UUID):
            plan_id (UUID):
            key (str): Stable key within the plan (plan bundles refer to initiatives by it). Example: 1.
            code (str): Code as printed. Example: 1.
            title (str):  Example: 保健福祉ガイドブックの発行.
            primary_node_id (UUID): The node the initiative belongs to.
            cross_listed_node_ids (list[UUID]): Further nodes it is listed under (※再掲). It is one initiative: counted once
                in plan totals.
            departments (list[ResponsibleDepartment]): Responsible departments, in the order printed.
            status (InitiativeStatus): Whether an initiative is still carried out.
            status_label (str):  Example: 実施中.
            version (int):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            description (None | str | Unset): 取組内容.
            aim (None | str | Unset): 方向・ねらい.
            notes (None | str | Unset): 特記事項. Example: R4以降見直しあり.
            related_programs (None | RelatedPrograms | Unset):
            active_from_fy (int | None | Unset): First FY in which the initiative is carried out (`null`: from the plan
                start).
            active_from_fy_label (None | str | Unset):
            active_to_fy (int | None | Unset): Last FY (`null`: to the plan end).
            active_to_fy_label (None | str | Unset):
     """

    id: UUID
    plan_id: UUID
    key: str
    code: str
    title: str
    primary_node_id: UUID
    cross_listed_node_ids: list[UUID]
    departments: list[ResponsibleDepartment]
    status: InitiativeStatus
    status_label: str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    description: None | str | Unset = UNSET
    aim: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    related_programs: None | RelatedPrograms | Unset = UNSET
    active_from_fy: int | None | Unset = UNSET
    active_from_fy_label: None | str | Unset = UNSET
    active_to_fy: int | None | Unset = UNSET
    active_to_fy_label: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.related_programs import RelatedPrograms # noqa: PLC0415
        from ..models.responsible_department import ResponsibleDepartment # noqa: PLC0415
        id = str(self.id)

        plan_id = str(self.plan_id)

        key = self.key

        code = self.code

        title = self.title

        primary_node_id = str(self.primary_node_id)

        cross_listed_node_ids = []
        for cross_listed_node_ids_item_data in self.cross_listed_node_ids:
            cross_listed_node_ids_item = str(cross_listed_node_ids_item_data)
            cross_listed_node_ids.append(cross_listed_node_ids_item)



        departments = []
        for departments_item_data in self.departments:
            departments_item = departments_item_data.to_dict()
            departments.append(departments_item)



        status = self.status.value

        status_label = self.status_label

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        aim: None | str | Unset
        if isinstance(self.aim, Unset):
            aim = UNSET
        else:
            aim = self.aim

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        related_programs: dict[str, Any] | None | Unset
        if isinstance(self.related_programs, Unset):
            related_programs = UNSET
        elif isinstance(self.related_programs, RelatedPrograms):
            related_programs = self.related_programs.to_dict()
        else:
            related_programs = self.related_programs

        active_from_fy: int | None | Unset
        if isinstance(self.active_from_fy, Unset):
            active_from_fy = UNSET
        else:
            active_from_fy = self.active_from_fy

        active_from_fy_label: None | str | Unset
        if isinstance(self.active_from_fy_label, Unset):
            active_from_fy_label = UNSET
        else:
            active_from_fy_label = self.active_from_fy_label

        active_to_fy: int | None | Unset
        if isinstance(self.active_to_fy, Unset):
            active_to_fy = UNSET
        else:
            active_to_fy = self.active_to_fy

        active_to_fy_label: None | str | Unset
        if isinstance(self.active_to_fy_label, Unset):
            active_to_fy_label = UNSET
        else:
            active_to_fy_label = self.active_to_fy_label


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "plan_id": plan_id,
            "key": key,
            "code": code,
            "title": title,
            "primary_node_id": primary_node_id,
            "cross_listed_node_ids": cross_listed_node_ids,
            "departments": departments,
            "status": status,
            "status_label": status_label,
            "version": version,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if aim is not UNSET:
            field_dict["aim"] = aim
        if notes is not UNSET:
            field_dict["notes"] = notes
        if related_programs is not UNSET:
            field_dict["related_programs"] = related_programs
        if active_from_fy is not UNSET:
            field_dict["active_from_fy"] = active_from_fy
        if active_from_fy_label is not UNSET:
            field_dict["active_from_fy_label"] = active_from_fy_label
        if active_to_fy is not UNSET:
            field_dict["active_to_fy"] = active_to_fy
        if active_to_fy_label is not UNSET:
            field_dict["active_to_fy_label"] = active_to_fy_label

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.related_programs import RelatedPrograms # noqa: PLC0415
        from ..models.responsible_department import ResponsibleDepartment # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        plan_id = UUID(d.pop("plan_id"))




        key = d.pop("key")

        code = d.pop("code")

        title = d.pop("title")

        primary_node_id = UUID(d.pop("primary_node_id"))




        cross_listed_node_ids = []
        _cross_listed_node_ids = d.pop("cross_listed_node_ids")
        for cross_listed_node_ids_item_data in (_cross_listed_node_ids):
            cross_listed_node_ids_item = UUID(cross_listed_node_ids_item_data)



            cross_listed_node_ids.append(cross_listed_node_ids_item)


        departments = []
        _departments = d.pop("departments")
        for departments_item_data in (_departments):
            departments_item = ResponsibleDepartment.from_dict(departments_item_data)



            departments.append(departments_item)


        status = InitiativeStatus(d.pop("status"))




        status_label = d.pop("status_label")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_aim(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        aim = _parse_aim(d.pop("aim", UNSET))


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        def _parse_related_programs(data: object) -> None | RelatedPrograms | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                related_programs_type_1 = RelatedPrograms.from_dict(data)



                return related_programs_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RelatedPrograms | Unset, data)

        related_programs = _parse_related_programs(d.pop("related_programs", UNSET))


        def _parse_active_from_fy(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        active_from_fy = _parse_active_from_fy(d.pop("active_from_fy", UNSET))


        def _parse_active_from_fy_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        active_from_fy_label = _parse_active_from_fy_label(d.pop("active_from_fy_label", UNSET))


        def _parse_active_to_fy(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        active_to_fy = _parse_active_to_fy(d.pop("active_to_fy", UNSET))


        def _parse_active_to_fy_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        active_to_fy_label = _parse_active_to_fy_label(d.pop("active_to_fy_label", UNSET))


        initiative_view = cls(
            id=id,
            plan_id=plan_id,
            key=key,
            code=code,
            title=title,
            primary_node_id=primary_node_id,
            cross_listed_node_ids=cross_listed_node_ids,
            departments=departments,
            status=status,
            status_label=status_label,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            description=description,
            aim=aim,
            notes=notes,
            related_programs=related_programs,
            active_from_fy=active_from_fy,
            active_from_fy_label=active_from_fy_label,
            active_to_fy=active_to_fy,
            active_to_fy_label=active_to_fy_label,
        )


        initiative_view.additional_properties = d
        return initiative_view

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
