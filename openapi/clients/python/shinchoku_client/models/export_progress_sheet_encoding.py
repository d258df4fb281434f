from enum import StrEnum

class ExportProgressSheetEncoding(StrEnum):
    SHIFT_JIS = "shift_jis"
    UTF_8 = "utf-8"

    def __str__(self) -> str:
        return str(self.value)
