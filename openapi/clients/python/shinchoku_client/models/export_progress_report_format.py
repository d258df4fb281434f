from enum import StrEnum

class ExportProgressReportFormat(StrEnum):
    XLSX = "xlsx"

    def __str__(self) -> str:
        return str(self.value)
