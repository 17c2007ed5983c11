"""Uploaded files (signed consent forms, receipts): checked by content, kept private.

A file is accepted only when its first bytes say it is a PDF, JPEG or PNG — the name
and the browser's claimed type are ignored — and images must also open as images. Files
are stored under a random name in private storage and only served by views that check
access and write the access log (``bestand_antwoord``).
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse
from PIL import Image, UnidentifiedImageError

SOORTEN = {
    "application/pdf": (b"%PDF-", ".pdf"),
    "image/jpeg": (b"\xff\xd8\xff", ".jpg"),
    "image/png": (b"\x89PNG\r\n\x1a\n", ".png"),
}


def herken_soort(begin: bytes) -> str | None:
    for soort, (handtekening, _) in SOORTEN.items():
        if begin.startswith(handtekening):
            return soort
    return None


def controleer_upload(bestand) -> str:
    """Return the content type of an acceptable upload, or raise a Dutch ValidationError."""
    maximum = settings.MAX_UPLOAD_MB * 1024 * 1024
    if bestand.size == 0:
        raise ValidationError("Het bestand is leeg.", code="leeg")
    if bestand.size > maximum:
        raise ValidationError(
            f"Het bestand is te groot ({bestand.size / 1024 / 1024:.1f} MB); "
            f"het maximum is {settings.MAX_UPLOAD_MB} MB.",
            code="te_groot",
        )
    bestand.seek(0)
    soort = herken_soort(bestand.read(16))
    bestand.seek(0)
    if soort is None:
        raise ValidationError(
            "Dit bestand is geen PDF, JPEG of PNG. Scan of fotografeer het formulier "
            "opnieuw en sla het op als PDF, JPEG of PNG.",
            code="soort",
        )
    if soort.startswith("image/"):
        try:
            with Image.open(bestand) as afbeelding:
                afbeelding.verify()
        except (UnidentifiedImageError, OSError, SyntaxError) as fout:
            raise ValidationError(
                "Deze afbeelding is beschadigd of onvolledig. Maak een nieuwe foto of scan.",
                code="beschadigd",
            ) from fout
        finally:
            bestand.seek(0)
    return soort


def soort_van(naam: str) -> str:
    """The content type of a stored file, from the extension it was given on upload."""
    extensie = PurePosixPath(naam).suffix.lower()
    return next(soort for soort, (_, ext) in SOORTEN.items() if ext == extensie)


def prive_pad(map_naam: str, soort: str) -> str:
    """A random storage path: nothing about the person is in the file name."""
    return str(PurePosixPath(map_naam) / f"{uuid.uuid4().hex}{SOORTEN[soort][1]}")


def prive_bestand_zetten(obj, veld: str, bestand, map_naam: str) -> None:
    """Check an upload and attach it to ``obj.<veld>`` under a random private name whose
    extension follows its content (``soort_van``); errors are reported on ``veld``. The
    caller saves ``obj``."""
    try:
        soort = controleer_upload(bestand)
    except ValidationError as fout:
        raise ValidationError({veld: fout.messages}) from fout
    getattr(obj, veld).save(prive_pad(map_naam, soort), bestand, save=False)


def bestand_antwoord(veld, naam: str) -> FileResponse:
    """Serve a private file as a download named ``naam`` plus its own extension (never
    rendered inline by the browser)."""
    downloadnaam = f"{naam}{PurePosixPath(veld.name).suffix}"
    antwoord = FileResponse(
        veld.open("rb"),
        as_attachment=True,
        filename=downloadnaam,
        content_type=soort_van(veld.name),
    )
    antwoord["Cache-Control"] = "no-store"
    return antwoord
