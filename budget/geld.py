"""Amounts of money: euros with at most two decimals, checked with Dutch messages."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models

NUL = Decimal("0.00")
CIJFERS, DECIMALEN = 10, 2  # of a money field
CENT = Decimal(1).scaleb(-DECIMALEN)
# The largest amount a money field holds: 99 999 999,99.
GROOTSTE = Decimal(10) ** (CIJFERS - DECIMALEN) - CENT


def geldveld(naam: str, **kwargs) -> models.DecimalField:
    """A model field for an amount in euros (up to ``GROOTSTE``)."""
    return models.DecimalField(naam, max_digits=CIJFERS, decimal_places=DECIMALEN, **kwargs)


def controleer_bedrag(bedrag, *, veld: str = "bedrag") -> Decimal:
    """The amount as a Decimal if it is more than zero with at most two decimals, else a
    ValidationError on ``veld``."""
    try:
        waarde = Decimal(str(bedrag))
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError({veld: "Vul een bedrag in, bijvoorbeeld 12,50."}) from None
    if not waarde.is_finite():
        raise ValidationError({veld: "Vul een bedrag in, bijvoorbeeld 12,50."})
    if waarde <= 0:
        raise ValidationError({veld: "Het bedrag moet groter dan nul zijn."})
    if waarde > GROOTSTE:
        raise ValidationError({veld: f"Het bedrag is te groot: hoogstens {euro(GROOTSTE)}."})
    if waarde != waarde.quantize(CENT):
        raise ValidationError(
            {veld: "Een bedrag heeft hoogstens twee cijfers achter de komma (hele centen)."}
        )
    return waarde.quantize(CENT)


def euro(bedrag: Decimal | None) -> str:
    """'€ 1.234,50': how amounts read on the pages and in messages."""
    bedrag = NUL if bedrag is None else Decimal(bedrag)
    teken = "−" if bedrag < 0 else ""
    heel, _, centen = f"{abs(bedrag):.2f}".partition(".")
    groepen = f"{int(heel):,}".replace(",", ".")
    return f"{teken}€ {groepen},{centen}"
