from enum import StrEnum

class Role(StrEnum):
    ADMIN = "admin"
    COMMITTEE = "committee"
    COUNCIL = "council"
    DEPARTMENT = "department"

    def __str__(self) -> str:
        return str(self.value)
