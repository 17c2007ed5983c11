"""What a model about a client holds of her, declared once on the model (ONTWERP §8).

Every model that refers to a client, directly or through another record, says of each
of its text, date and file fields whether anonymisation clears it (``wissen``: names,
contact details, free text, files) or keeps it because reports count it (``bewaren``:
codes, dates of facts). Anonymisation and the inzage export are built from these
declarations (``clients.clientgegevens``), and a test walks every model linked to a
client and fails on a field declared in neither list.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class AVG:
    wissen: tuple[str, ...] = ()
    bewaren: tuple[str, ...] = ()

    def __post_init__(self):
        dubbel = set(self.wissen) & set(self.bewaren)
        if dubbel:
            raise ValueError(f"Zowel wissen als bewaren: {', '.join(sorted(dubbel))}")
