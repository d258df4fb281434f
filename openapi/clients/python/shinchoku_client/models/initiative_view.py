from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.initiative_status import InitiativeStatus
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
            code (None | str): Code as printed (`null`: the source printed none; such initiatives sort after the coded
                ones). Example: 1.
            title (str):  Example: 保健福祉ガイドブックの発行.
            description (None | str): 取組内容.
            aim (None | str): 方向・ねらい.
            notes (None | str): 特記事項. Example: R4以降見直しあり.
            related_programs (None | RelatedPrograms):
            primary_node_id (UUID): The node the initiative belongs to.
            cross_listed_node_ids (list[UUID]): Further nodes it is listed under (※再掲). It is one initiative: counted once
                in plan totals.
            departments (list[ResponsibleDepartment]): Responsible departments, in the order printed.
            active_from_fy (int | None): First FY in which the initiative is carried out (`null`: from the plan start).
            active_from_fy_label (None | str):
            active_to_fy (int | None): Last FY (`null`: to the plan end).
            active_to_fy_label (None | str):
            status (InitiativeStatus): Whether an initiative is still carried out.
            status_label (str):  Example: 実施中.
            version (int):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    plan_id: UUID
    key: str
    code: None | str
    title: str
    description: None | str
    aim: None | str
    notes: None | str
    related_programs: None | RelatedPrograms
    primary_node_id: UUID
    cross_listed_node_ids: list[UUID]
    departments: list[ResponsibleDepartment]
    active_from_fy: int | None
    active_from_fy_label: None | str
    active_to_fy: int | None
    active_to_fy_label: None | str
    status: InitiativeStatus
    status_label: str
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.related_programs import RelatedPrograms # noqa: PLC0415
        from ..models.responsible_department import ResponsibleDepartment # noqa: PLC0415
        id = str(self.id)

        plan_id = str(self.plan_id)

        key = self.key

        code: None | str
        code = self.code

        title = self.title

        description: None | str
        description = self.description

        aim: None | str
        aim = self.aim

        notes: None | str
        notes = self.notes

        related_programs: dict[str, Any] | None
        if isinstance(self.related_programs, RelatedPrograms):
            related_programs = self.related_programs.to_dict()
        else:
            related_programs = self.related_programs

        primary_node_id = str(self.primary_node_id)

        cross_listed_node_ids = []
        for cross_listed_node_ids_item_data in self.cross_listed_node_ids:
            cross_listed_node_ids_item = str(cross_listed_node_ids_item_data)
            cross_listed_node_ids.append(cross_listed_node_ids_item)



        departments = []
        for departments_item_data in self.departments:
            departments_item = departments_item_data.to_dict()
            departments.append(departments_item)



        active_from_fy: int | None
        active_from_fy = self.active_from_fy

        active_from_fy_label: None | str
        active_from_fy_label = self.active_from_fy_label

        active_to_fy: int | None
        active_to_fy = self.active_to_fy

        active_to_fy_label: None | str
        active_to_fy_label = self.active_to_fy_label

        status = self.status.value

        status_label = self.status_label

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "plan_id": plan_id,
            "key": key,
            "code": code,
            "title": title,
            "description": description,
            "aim": aim,
            "notes": notes,
            "related_programs": related_programs,
            "primary_node_id": primary_node_id,
            "cross_listed_node_ids": cross_listed_node_ids,
            "departments": departments,
            "active_from_fy": active_from_fy,
            "active_from_fy_label": active_from_fy_label,
            "active_to_fy": active_to_fy,
            "active_to_fy_label": active_to_fy_label,
            "status": status,
            "status_label": status_label,
            "version": version,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.related_programs import RelatedPrograms # noqa: PLC0415
        from ..models.responsible_department import ResponsibleDepartment # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        plan_id = UUID(d.pop("plan_id"))




        key = d.pop("key")

        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))


        title = d.pop("title")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        def _parse_aim(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        aim = _parse_aim(d.pop("aim"))


        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))


        def _parse_related_programs(data: object) -> None | RelatedPrograms:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                related_programs_type_1 = RelatedPrograms.from_dict(data)



                return related_programs_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RelatedPrograms, data)

        related_programs = _parse_related_programs(d.pop("related_programs"))


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


        def _parse_active_from_fy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        active_from_fy = _parse_active_from_fy(d.pop("active_from_fy"))


        def _parse_active_from_fy_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        active_from_fy_label = _parse_active_from_fy_label(d.pop("active_from_fy_label"))


        def _parse_active_to_fy(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        active_to_fy = _parse_active_to_fy(d.pop("active_to_fy"))


        def _parse_active_to_fy_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        active_to_fy_label = _parse_active_to_fy_label(d.pop("active_to_fy_label"))


        status = InitiativeStatus(d.pop("status"))




        status_label = d.pop("status_label")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        initiative_view = cls(
            id=id,
            plan_id=plan_id,
            key=key,
            code=code,
            title=title,
            description=description,
            aim=aim,
            notes=notes,
            related_programs=related_programs,
            primary_node_id=primary_node_id,
            cross_listed_node_ids=cross_listed_node_ids,
            departments=departments,
            active_from_fy=active_from_fy,
            active_from_fy_label=active_from_fy_label,
            active_to_fy=active_to_fy,
            active_to_fy_label=active_to_fy_label,
            status=status,
            status_label=status_label,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
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
