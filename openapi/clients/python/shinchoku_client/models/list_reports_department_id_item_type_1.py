from enum import StrEnum

class ListReportsDepartmentIdItemType1(StrEnum):
    MINE = "mine"

    def __str__(self) -> str:
        return str(self.value)
