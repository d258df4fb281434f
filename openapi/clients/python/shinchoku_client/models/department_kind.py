from enum import StrEnum

class DepartmentKind(StrEnum):
    CITY_DEPARTMENT = "city_department"
    COUNCIL = "council"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
