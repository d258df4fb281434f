from enum import StrEnum

class Scope(StrEnum):
    ADMIN = "admin"
    READ = "read"
    REPORTWRITE = "report:write"

    def __str__(self) -> str:
        return str(self.value)
