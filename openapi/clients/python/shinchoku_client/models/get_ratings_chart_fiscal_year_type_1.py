from enum import StrEnum

class GetRatingsChartFiscalYearType1(StrEnum):
    LATEST = "latest"

    def __str__(self) -> str:
        return str(self.value)
