from enum import StrEnum

class RatingSource(StrEnum):
    COMMITTEE = "committee"
    SELF = "self"

    def __str__(self) -> str:
        return str(self.value)
