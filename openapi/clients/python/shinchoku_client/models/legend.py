from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.legend_progress import LegendProgress
  from ..models.legend_quarter_marks import LegendQuarterMarks
  from ..models.legend_workflow import LegendWorkflow
  from ..models.rating_grade import RatingGrade





T = TypeVar("T", bound="Legend")



@_attrs_define
class Legend:
    """ Japanese labels of the keys the counts use, for people.

        Attributes:
            ratings (list[RatingGrade]): The plan's grades with their labels, best first.
            progress (LegendProgress):  Example: {'on_track': '順調に進んだ'}.
            workflow (LegendWorkflow):  Example: {'published': '公開'}.
            quarter_marks (LegendQuarterMarks):  Example: {'done': '○'}.
     """

    ratings: list[RatingGrade]
    progress: LegendProgress
    workflow: LegendWorkflow
    quarter_marks: LegendQuarterMarks
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.legend_progress import LegendProgress # noqa: PLC0415
        from ..models.legend_quarter_marks import LegendQuarterMarks # noqa: PLC0415
        from ..models.legend_workflow import LegendWorkflow # noqa: PLC0415
        from ..models.rating_grade import RatingGrade # noqa: PLC0415
        ratings = []
        for ratings_item_data in self.ratings:
            ratings_item = ratings_item_data.to_dict()
            ratings.append(ratings_item)



        progress = self.progress.to_dict()

        workflow = self.workflow.to_dict()

        quarter_marks = self.quarter_marks.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "ratings": ratings,
            "progress": progress,
            "workflow": workflow,
            "quarter_marks": quarter_marks,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.legend_progress import LegendProgress # noqa: PLC0415
        from ..models.legend_quarter_marks import LegendQuarterMarks # noqa: PLC0415
        from ..models.legend_workflow import LegendWorkflow # noqa: PLC0415
        from ..models.rating_grade import RatingGrade # noqa: PLC0415
        d = dict(src_dict)
        ratings = []
        _ratings = d.pop("ratings")
        for ratings_item_data in (_ratings):
            ratings_item = RatingGrade.from_dict(ratings_item_data)



            ratings.append(ratings_item)


        progress = LegendProgress.from_dict(d.pop("progress"))




        workflow = LegendWorkflow.from_dict(d.pop("workflow"))




        quarter_marks = LegendQuarterMarks.from_dict(d.pop("quarter_marks"))




        legend = cls(
            ratings=ratings,
            progress=progress,
            workflow=workflow,
            quarter_marks=quarter_marks,
        )


        legend.additional_properties = d
        return legend

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
