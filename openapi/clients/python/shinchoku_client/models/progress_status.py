from enum import StrEnum

class ProgressStatus(StrEnum):
    MOSTLY_ON_TRACK = "mostly_on_track"
    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    PARTLY_DELAYED = "partly_delayed"

    def __str__(self) -> str:
        return str(self.value)
