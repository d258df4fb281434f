from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.initiative_status import InitiativeStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.bundle_indicator import BundleIndicator
  from ..models.bundle_year import BundleYear
  from ..models.related_programs import RelatedPrograms





T = TypeVar("T", bound="BundleInitiative")



@_attrs_define
class BundleInitiative:
    """ 
        Attributes:
            key (str):  Example: 1.
            title (str):  Example: 保健福祉ガイドブックの発行.
            node_keys (list[str]): Primary node first, then every node it is cross-listed under (※再掲). Example: ['1-1-1',
                '1-2-1'].
            departments (list[str]): Names of responsible departments. Example: ['社会福祉課'].
            code (None | str | Unset): Code as printed; `null` or absent when the source prints none. Example: 1.
            description (None | str | Unset):
            aim (None | str | Unset):
            notes (None | str | Unset):
            related_programs (None | RelatedPrograms | Unset):
            active_from_fy (int | None | str | Unset):
            active_to_fy (int | None | str | Unset):
            status (InitiativeStatus | None | Unset):
            indicators (list[BundleIndicator] | Unset):
            years (list[BundleYear] | Unset):
     """

    key: str
    title: str
    node_keys: list[str]
    departments: list[str]
    code: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    aim: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    related_programs: None | RelatedPrograms | Unset = UNSET
    active_from_fy: int | None | str | Unset = UNSET
    active_to_fy: int | None | str | Unset = UNSET
    status: InitiativeStatus | None | Unset = UNSET
    indicators: list[BundleIndicator] | Unset = UNSET
    years: list[BundleYear] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.bundle_indicator import BundleIndicator # noqa: PLC0415
        from ..models.bundle_year import BundleYear # noqa: PLC0415
        from ..models.related_programs import RelatedPrograms # noqa: PLC0415
        key = self.key

        title = self.title

        node_keys = self.node_keys



        departments = self.departments



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

        active_from_fy: int | None | str | Unset
        if isinstance(self.active_from_fy, Unset):
            active_from_fy = UNSET
        else:
            active_from_fy = self.active_from_fy

        active_to_fy: int | None | str | Unset
        if isinstance(self.active_to_fy, Unset):
            active_to_fy = UNSET
        else:
            active_to_fy = self.active_to_fy

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, InitiativeStatus):
            status = self.status.value
        else:
            status = self.status

        indicators: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.indicators, Unset):
            indicators = []
            for indicators_item_data in self.indicators:
                indicators_item = indicators_item_data.to_dict()
                indicators.append(indicators_item)



        years: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.years, Unset):
            years = []
            for years_item_data in self.years:
                years_item = years_item_data.to_dict()
                years.append(years_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "key": key,
            "title": title,
            "node_keys": node_keys,
            "departments": departments,
        })
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
        if indicators is not UNSET:
            field_dict["indicators"] = indicators
        if years is not UNSET:
            field_dict["years"] = years

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bundle_indicator import BundleIndicator # noqa: PLC0415
        from ..models.bundle_year import BundleYear # noqa: PLC0415
        from ..models.related_programs import RelatedPrograms # noqa: PLC0415
        d = dict(src_dict)
        key = d.pop("key")

        title = d.pop("title")

        node_keys = cast(list[str], d.pop("node_keys"))


        departments = cast(list[str], d.pop("departments"))


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


        def _parse_active_from_fy(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        active_from_fy = _parse_active_from_fy(d.pop("active_from_fy", UNSET))


        def _parse_active_to_fy(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        active_to_fy = _parse_active_to_fy(d.pop("active_to_fy", UNSET))


        def _parse_status(data: object) -> InitiativeStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = InitiativeStatus(data)



                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InitiativeStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        _indicators = d.pop("indicators", UNSET)
        indicators: list[BundleIndicator] | Unset = UNSET
        if _indicators is not UNSET:
            indicators = []
            for indicators_item_data in _indicators:
                indicators_item = BundleIndicator.from_dict(indicators_item_data)



                indicators.append(indicators_item)


        _years = d.pop("years", UNSET)
        years: list[BundleYear] | Unset = UNSET
        if _years is not UNSET:
            years = []
            for years_item_data in _years:
                years_item = BundleYear.from_dict(years_item_data)



                years.append(years_item)


        bundle_initiative = cls(
            key=key,
            title=title,
            node_keys=node_keys,
            departments=departments,
            code=code,
            description=description,
            aim=aim,
            notes=notes,
            related_programs=related_programs,
            active_from_fy=active_from_fy,
            active_to_fy=active_to_fy,
            status=status,
            indicators=indicators,
            years=years,
        )

        return bundle_initiative

