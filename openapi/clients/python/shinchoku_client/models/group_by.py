from enum import StrEnum

class GroupBy(StrEnum):
    DEPARTMENT = "department"
    NODE = "node"

    def __str__(self) -> str:
        return str(self.value)
