from enum import StrEnum

class ListInitiativesDepartmentIdItemType1(StrEnum):
    MINE = "mine"

    def __str__(self) -> str:
        return str(self.value)
