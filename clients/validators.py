"""Validation of Dutch identifiers."""

from django.core.exceptions import ValidationError


def normaliseer_bsn(waarde: str) -> str:
    """Digits only (people type '1234.56.782' or '123 456 782'); 8 digits get a leading 0."""
    cijfers = "".join(teken for teken in waarde if not teken.isspace() and teken not in ".-")
    return cijfers.zfill(9) if len(cijfers) == 8 and cijfers.isdigit() else cijfers


def is_geldig_bsn(waarde: str) -> bool:
    """The 11-proef: 9·d1 + 8·d2 + … + 2·d8 - 1·d9 must be a multiple of 11 (and not 0)."""
    if len(waarde) != 9 or not waarde.isdigit():
        return False
    totaal = sum(
        int(cijfer) * gewicht for cijfer, gewicht in zip(waarde[:8], range(9, 1, -1), strict=True)
    )
    totaal -= int(waarde[8])
    return totaal % 11 == 0 and int(waarde) != 0


def valideer_bsn(waarde: str) -> None:
    if not waarde:
        return
    if len(waarde) != 9 or not waarde.isdigit():
        raise ValidationError("Een BSN bestaat uit 9 cijfers.", code="bsn_lengte")
    if not is_geldig_bsn(waarde):
        raise ValidationError(
            "Dit BSN klopt niet (het voldoet niet aan de elfproef). Controleer de cijfers.",
            code="bsn_elfproef",
        )
