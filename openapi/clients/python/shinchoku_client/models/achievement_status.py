from enum import StrEnum

class AchievementStatus(StrEnum):
    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not_achieved"
    NOT_MEASURABLE = "not_measurable"

    def __str__(self) -> str:
        return str(self.value)
