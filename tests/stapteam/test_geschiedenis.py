"""The change history as people read it: labels, "ja"/"nee" and Dutch dates."""

import datetime as dt

import pytest

from stapteam.geschiedenis import wijzigingen

pytestmark = pytest.mark.django_db


def test_ja_nee_en_datums_in_nederlandse_vorm(client_van_team):
    client_van_team.is_briefadres = False
    client_van_team.in_beeld_sinds = dt.date(2026, 11, 10)
    client_van_team.save()
    client_van_team.is_briefadres = True
    client_van_team.save()
    rijen = wijzigingen(
        client_van_team.history.all(), velden=["is_briefadres", "in_beeld_sinds", "status"]
    )
    laatste = {w["veld"]: (w["oud"], w["nieuw"]) for w in rijen[-1]["wijzigingen"]}
    assert list(laatste.values()) == [("nee", "ja")]
    eerder = {w["veld"]: w["nieuw"] for w in rijen[-2]["wijzigingen"]}
    assert "10-11-2026" in eerder.values()
    assert "Aangemeld" in {w["nieuw"] for w in rijen[0]["wijzigingen"]}  # a choice's label
