"""Names as people type them and as files carry them: compared without accents, case or extra
spaces ('Mäkelä' = 'makela'), and written as plain file-name parts ('laura-nieminen')."""

from __future__ import annotations

import re
import unicodedata


def folded(text: str) -> str:
    """A name as it is compared: without accents, case or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def slug(text: str) -> str:
    """'Laura Nieminen' -> 'laura-nieminen': a name as part of a file name or an id."""
    return re.sub(r"[^a-z0-9]+", "-", folded(text)).strip("-")
