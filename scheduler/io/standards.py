"""Reading a standard file (data/standards/<id>.yaml) into the `Standard` model, checked."""

from __future__ import annotations

import difflib
from pathlib import Path

from pydantic import ValidationError

from models.base import PLAIN_NAME
from models.standard import Standard
from scheduler.errors import InputError
from scheduler.io.data import STANDARDS_DIR
from scheduler.io.documents import did_you_mean, explain_validation, read_yaml
from scheduler.io.validation import validate_standard
from scheduler.words import say


def known_standards(directory: Path = STANDARDS_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.yaml"))


def load_standard(standard_id: str, directory: Path = STANDARDS_DIR) -> Standard:
    path = directory / f"{standard_id}.yaml"
    if not PLAIN_NAME.match(standard_id) or not path.is_file():
        known = known_standards(directory)
        hint = did_you_mean(difflib.get_close_matches(standard_id, known, n=1))
        raise InputError(
            str(path),
            "",
            say("standard_unknown", id=repr(standard_id), hint=hint, known=", ".join(known)),
        )
    doc = read_yaml(path)
    if not isinstance(doc.data, dict):
        raise InputError(str(path), say("place_line", line=1), say("standard_not_mapping"))
    try:
        standard = Standard.model_validate(doc.data)
    except ValidationError as error:
        raise explain_validation(doc, error, (), Standard) from None
    validate_standard(standard, doc, standard_id)
    return standard
