from enum import StrEnum

class AuthenticatedBy(StrEnum):
    API_TOKEN = "api_token"
    JWT = "jwt"

    def __str__(self) -> str:
        return str(self.value)
