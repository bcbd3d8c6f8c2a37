"""Writing files so that nothing is lost: atomic writes, never over an existing file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

DEFAULT_OUTPUT_DIR = Path("outputs")


def free_path(path: Path) -> Path:
    """The path itself if free, else the same name with -2, -3, ... before the suffix."""
    if not path.exists():
        return path
    n = 2
    while True:
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def free_stem(directory: Path, stem: str, suffixes: tuple[str, ...]) -> str:
    """A file stem for which no file with any of the suffixes exists yet, so outputs pair up."""
    candidate, n = stem, 2
    while any((directory / f"{candidate}{suffix}").exists() for suffix in suffixes):
        candidate, n = f"{stem}-{n}", n + 1
    return candidate


def current_umask() -> int:
    """The process's umask (reading it means setting it: set it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, write: Callable[[Path], object]) -> Path:
    """Lets `write` fill a temporary file beside `path`, then moves it into place in one step.

    Refuses to replace an existing file: callers pick a free path first.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        raise FileExistsError(f"{path} exists; not overwriting it")
    handle, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix
    )
    os.close(handle)
    try:
        write(Path(temporary))
        # mkstemp makes the file owner-only; an output is as readable as the umask allows
        # (0644 under 022), so colleagues on a shared folder can open it.
        os.chmod(temporary, 0o666 & ~current_umask())
        os.link(temporary, path)  # fails rather than replaces if path appeared meanwhile
    finally:
        Path(temporary).unlink(missing_ok=True)
    return path


def write_text_atomic(path: Path, text: str) -> Path:
    return write_atomic(path, lambda p: p.write_text(text, encoding="utf-8"))
