from enum import StrEnum

class PacketLayout(StrEnum):
    NODE_TABLE = "node_table"
    PER_INITIATIVE = "per_initiative"
    QUARTERLY = "quarterly"

    def __str__(self) -> str:
        return str(self.value)
