"""A tiny, valid one-page PDF for demo uploads (a fictional signed form or receipt)."""


def eenvoudige_pdf(regels: list[str]) -> bytes:
    tekst = (
        "BT /F1 14 Tf 72 760 Td 18 TL "
        + " ".join(
            "(" + regel.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
            for regel in regels
        )
        + " ET"
    )
    objecten = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(tekst.encode("latin-1"))
        + tekst.encode("latin-1")
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    uitvoer = bytearray(b"%PDF-1.4\n")
    posities = []
    for nummer, inhoud in enumerate(objecten, start=1):
        posities.append(len(uitvoer))
        uitvoer += b"%d 0 obj\n" % nummer + inhoud + b"\nendobj\n"
    xref = len(uitvoer)
    uitvoer += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    for positie in posities:
        uitvoer += b"%010d 00000 n \n" % positie
    uitvoer += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objecten) + 1,
        xref,
    )
    return bytes(uitvoer)
