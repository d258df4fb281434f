from enum import StrEnum

class GetPublicPageFiscalYearType1(StrEnum):
    LATEST = "latest"

    def __str__(self) -> str:
        return str(self.value)
