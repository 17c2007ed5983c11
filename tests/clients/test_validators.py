import pytest
from django.core.exceptions import ValidationError

from clients.validators import is_geldig_bsn, normaliseer_bsn, valideer_bsn


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999999990", "010000008"])
def test_geldige_bsns_halen_de_elfproef(bsn):
    assert is_geldig_bsn(bsn)


@pytest.mark.parametrize(
    "bsn",
    [
        "123456789",  # checksum off by one digit
        "111222334",
        "000000000",  # all zeros passes the sum but is not a number anyone has
        "12345678",  # too short
        "1234567820",  # too long
        "12345678a",
    ],
)
def test_ongeldige_bsns_niet(bsn):
    assert not is_geldig_bsn(bsn)


def test_normaliseren_haalt_punten_en_spaties_weg_en_vult_aan():
    assert normaliseer_bsn("1234.56.782") == "123456782"
    assert normaliseer_bsn(" 123 456 782 ") == "123456782"
    assert normaliseer_bsn("10000008") == "010000008"


def test_foutmeldingen_zijn_nederlands():
    with pytest.raises(ValidationError, match="elfproef"):
        valideer_bsn("123456789")
    with pytest.raises(ValidationError, match="9 cijfers"):
        valideer_bsn("12345")
    valideer_bsn("")  # optional
