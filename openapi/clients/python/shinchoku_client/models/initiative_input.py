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

if TYPE_CHECKING:
  from ..models.related_programs import RelatedPrograms





T = TypeVar("T", bound="InitiativeInput")



@_attrs_define
class InitiativeInput:
    """ A new initiative.

        Attributes:
            title (str):  Example: 保健福祉ガイドブックの発行.
            node_ids (list[UUID]): The primary node first, then every node it is cross-listed under; all in the same plan.
            department_ids (list[UUID]): Responsible departments (at least one).
            key (None | str | Unset): Stable key within the plan; default the new initiative's id.
            code (None | str | Unset): Code as printed; `null` or absent when the source prints none. Example: 1.
            description (None | str | Unset):
            aim (None | str | Unset):
            notes (None | str | Unset):
            related_programs (None | RelatedPrograms | Unset):
            active_from_fy (int | None | Unset):
            active_to_fy (int | None | Unset):
            status (InitiativeStatus | Unset): Whether an initiative is still carried out.
     """

    title: str
    node_ids: list[UUID]
    department_ids: list[UUID]
    key: None | str | Unset = UNSET
    code: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    aim: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    related_programs: None | RelatedPrograms | Unset = UNSET
    active_from_fy: int | None | Unset = UNSET
    active_to_fy: int | None | Unset = UNSET
    status: InitiativeStatus | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.related_programs import RelatedPrograms # noqa: PLC0415
        title = self.title

        node_ids = []
        for node_ids_item_data in self.node_ids:
            node_ids_item = str(node_ids_item_data)
            node_ids.append(node_ids_item)



        department_ids = []
        for department_ids_item_data in self.department_ids:
            department_ids_item = str(department_ids_item_data)
            department_ids.append(department_ids_item)



        key: None | str | Unset
        if isinstance(self.key, Unset):
            key = UNSET
        else:
            key = self.key

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

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

        active_to_fy: int | None | Unset
        if isinstance(self.active_to_fy, Unset):
            active_to_fy = UNSET
        else:
            active_to_fy = self.active_to_fy

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "title": title,
            "node_ids": node_ids,
            "department_ids": department_ids,
        })
        if key is not UNSET:
            field_dict["key"] = key
        if code is not UNSET:
            field_dict["code"] = code
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
        if active_to_fy is not UNSET:
            field_dict["active_to_fy"] = active_to_fy
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.related_programs import RelatedPrograms # noqa: PLC0415
        d = dict(src_dict)
        title = d.pop("title")

        node_ids = []
        _node_ids = d.pop("node_ids")
        for node_ids_item_data in (_node_ids):
            node_ids_item = UUID(node_ids_item_data)



            node_ids.append(node_ids_item)


        department_ids = []
        _department_ids = d.pop("department_ids")
        for department_ids_item_data in (_department_ids):
            department_ids_item = UUID(department_ids_item_data)



            department_ids.append(department_ids_item)


        def _parse_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key = _parse_key(d.pop("key", UNSET))


        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))


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


        def _parse_active_to_fy(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        active_to_fy = _parse_active_to_fy(d.pop("active_to_fy", UNSET))


        _status = d.pop("status", UNSET)
        status: InitiativeStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = InitiativeStatus(_status)




        initiative_input = cls(
            title=title,
            node_ids=node_ids,
            department_ids=department_ids,
            key=key,
            code=code,
            description=description,
            aim=aim,
            notes=notes,
            related_programs=related_programs,
            active_from_fy=active_from_fy,
            active_to_fy=active_to_fy,
            status=status,
        )

        return initiative_input

