from enum import StrEnum

class InitiativeStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    DISCONTINUED = "discontinued"

    def __str__(self) -> str:
        return str(self.value)
