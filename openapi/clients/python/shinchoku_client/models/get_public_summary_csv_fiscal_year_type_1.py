from enum import StrEnum

class GetPublicSummaryCsvFiscalYearType1(StrEnum):
    LATEST = "latest"

    def __str__(self) -> str:
        return str(self.value)
