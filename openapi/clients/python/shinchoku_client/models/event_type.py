from enum import StrEnum

class EventType(StrEnum):
    COMMENT_CREATED = "comment.created"
    PLAN_PUBLISHED = "plan.published"
    QUARTER_DUE_SOON = "quarter.due_soon"
    QUARTER_OVERDUE = "quarter.overdue"
    REPORT_CORRECTED = "report.corrected"
    REPORT_DUE_SOON = "report.due_soon"
    REPORT_OVERDUE = "report.overdue"
    REPORT_PUBLISHED = "report.published"
    REPORT_RETURNED = "report.returned"
    REPORT_REVIEWED = "report.reviewed"
    REPORT_SUBMITTED = "report.submitted"
    WEBHOOK_TEST = "webhook.test"

    def __str__(self) -> str:
        return str(self.value)
