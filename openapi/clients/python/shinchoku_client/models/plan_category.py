from enum import StrEnum

class PlanCategory(StrEnum):
    CONTINUE = "continue"
    EXPAND = "expand"
    IMPLEMENT = "implement"
    NEW = "new"
    STUDY = "study"
    VERIFY = "verify"

    def __str__(self) -> str:
        return str(self.value)
