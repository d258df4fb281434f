from enum import StrEnum

class QuarterMark(StrEnum):
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"
    NOT_DONE = "not_done"

    def __str__(self) -> str:
        return str(self.value)
