from enum import StrEnum

class WorkflowState(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    RETURNED = "returned"
    REVIEWED = "reviewed"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
