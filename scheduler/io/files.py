"""Writing files so that nothing is lost or half-made: never over an existing file, never
outside the chosen folder, and a set of outputs (a timetable's JSON and workbook, a staff's
calendars) appears whole or not at all.

Each output is first written to a hidden temporary file in the output folder
(`.kurssi-<process id>-....part`), then all of them get their names in one short step in which
Ctrl-C is held back; a failure or an interrupt before that removes the temporary files, and a
run killed outright leaves only temporary files, which the next run into the folder removes.
Names are taken with a hard link, which fails rather than replaces, so runs writing into one
folder at the same time each get names of their own (-2, -3, ...).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from scheduler.errors import InputError
from scheduler.interrupts import deferred_interrupt
from scheduler.words import say

DEFAULT_OUTPUT_DIR = Path("outputs")

# File systems allow 255 bytes a name: an output's name is kept well below, its stem cut to
# leave room for a "-99" and its suffix. (Temporary files have short names of their own.)
MAX_NAME_BYTES = 200
NUMBER_ROOM = 6
MAX_NUMBER = 9999  # of -2, -3, ... tried before giving up (a folder that takes no name at all)
TEMPORARY_PREFIX = ".kurssi-"
TEMPORARY_SUFFIX = ".part"
_TEMPORARY = re.compile(rf"^{re.escape(TEMPORARY_PREFIX)}(\d+)-.*{re.escape(TEMPORARY_SUFFIX)}$")
# A temporary file of a process still running is another run's work in progress, unless it is
# this old (a process id can be taken again by a later process).
STALE_SECONDS = 24 * 3600
# Temporary files are made readable by their owner only; a finished output gets the mode any
# new file gets here (the umask, read once: setting it is the only way to read it).
_UMASK = os.umask(0o022)
os.umask(_UMASK)
OUTPUT_MODE = 0o666 & ~_UMASK


@dataclass(frozen=True)
class Output:
    """One file of a set: OUT/<stem><suffix>, filled by `write` (given the path to fill)."""

    stem: str
    suffix: str
    write: Callable[[Path], object]


def fitted_stem(stem: str, limit: int) -> str:
    """The stem cut to at most `limit` bytes of UTF-8 (whole characters), so that no output
    name is too long for the file system."""
    encoded = stem.encode("utf-8")
    if len(encoded) <= limit:
        return stem
    return encoded[:limit].decode("utf-8", errors="ignore").rstrip(" .-_") or "kurssi"


def output_folder(folder: Path) -> Path:
    """The folder, created if missing; InputError (exit 2) when it cannot be a folder."""
    name = str(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InputError(name, "", say("out_is_file")) from None
    except NotADirectoryError:
        raise InputError(name, "", say("out_under_file")) from None
    except PermissionError:
        raise InputError(name, "", say("out_no_permission")) from None
    except OSError as error:
        raise InputError(name, "", say("out_cannot_make", reason=os_reason(error))) from None
    if not folder.is_dir():
        raise InputError(name, "", say("out_not_folder"))
    return folder


def os_reason(error: OSError) -> str:
    """Why the system refused a file, in the reader's language where it is a usual reason."""
    if isinstance(error, PermissionError):
        return say("os_no_permission")
    if isinstance(error, FileNotFoundError):
        return say("os_not_found")
    if error.errno == errno.ENOSPC:
        return say("os_no_space")
    return error.strerror or type(error).__name__


def check_output_folder(folder: Path) -> None:
    """Refuses at once, before any long search, a folder that cannot be made or written in."""
    existing = Path(folder)
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        if existing == Path(folder):
            raise InputError(str(folder), "", say("out_is_file"))
        raise InputError(str(folder), "", say("out_under_the_file", file=existing))
    if not os.access(existing, os.W_OK | os.X_OK):
        raise InputError(str(folder), "", say("out_not_writable", folder=existing))


def remove_stale_temporaries(folder: Path) -> None:
    """Removes what runs that were killed while writing into `folder` left behind."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if not match:
            continue
        with contextlib.suppress(OSError):
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
            if old or not _running(int(match.group(1))):
                os.unlink(entry.path)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _inside(folder: Path, name: str) -> Path:
    """OUT/name, refused unless it lies right in the folder once resolved."""
    path = folder / name
    if Path(name).name != name or path.resolve().parent != folder.resolve():
        raise InputError(
            str(path),
            "",
            say("out_outside"),
        )
    return path


def _numbered(stem: str, n: int) -> str:
    return stem if n == 1 else f"{stem}-{n}"


def _take_name(temporary: Path, path: Path) -> None:
    """Gives the finished temporary file its name; FileExistsError if the name is taken."""
    try:
        os.link(temporary, path)  # fails rather than replaces if the name is taken
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
            raise
        # A file system without hard links: reserve the name, then move the file onto it.
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        os.replace(temporary, path)


def write_together(folder: Path, outputs: Sequence[Output]) -> list[Path]:
    """Writes every output into `folder`, all of them or none; returns the paths.

    When a name is taken, every stem of the set gets the same -2, -3, ... so they pair up.
    """
    folder = output_folder(Path(folder))
    remove_stale_temporaries(folder)
    temporaries: list[Path] = []
    try:
        for output in outputs:
            handle, name = tempfile.mkstemp(
                dir=folder, prefix=f"{TEMPORARY_PREFIX}{os.getpid()}-", suffix=TEMPORARY_SUFFIX
            )
            os.close(handle)
            temporaries.append(Path(name))
            output.write(Path(name))
            os.chmod(name, OUTPUT_MODE)
        stems = [
            fitted_stem(output.stem, MAX_NAME_BYTES - NUMBER_ROOM - len(output.suffix.encode()))
            for output in outputs
        ]
        n = 1
        while True:
            paths = [
                _inside(folder, f"{_numbered(stem, n)}{output.suffix}")
                for stem, output in zip(stems, outputs, strict=True)
            ]
            if len(set(paths)) != len(paths):
                raise ValueError(f"two outputs of one set have the same name: {paths}")
            if not any(path.exists() for path in paths) and _take_names(temporaries, paths):
                return paths
            n += 1
            if n > MAX_NUMBER:
                raise InputError(
                    str(folder),
                    "",
                    say("out_numbered", name=paths[0].name, most=MAX_NUMBER),
                )
    finally:
        for temporary in temporaries:
            temporary.unlink(missing_ok=True)


def _take_names(temporaries: list[Path], paths: list[Path]) -> bool:
    """Names every temporary file, or none (False when another run took one meanwhile)."""
    taken: list[Path] = []
    with deferred_interrupt() as interrupted:
        try:
            for temporary, path in zip(temporaries, paths, strict=True):
                _take_name(temporary, path)
                taken.append(path)
        except FileExistsError:
            _remove(taken)
            return False
        except BaseException:
            _remove(taken)
            raise
        if interrupted():
            _remove(taken)  # the interrupt is raised on leaving: no output at all
    return True


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def write_atomic(path: Path, write: Callable[[Path], object]) -> Path:
    """Lets `write` fill a temporary file beside `path`, then gives it that name in one step.

    Refuses to replace an existing file (FileExistsError): callers pick a free path first.
    """
    folder = output_folder(path.parent)
    remove_stale_temporaries(folder)
    if path.exists():
        raise FileExistsError(f"{path} exists; not overwriting it")
    handle, name = tempfile.mkstemp(
        dir=folder, prefix=f"{TEMPORARY_PREFIX}{os.getpid()}-", suffix=TEMPORARY_SUFFIX
    )
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        os.chmod(temporary, OUTPUT_MODE)
        with deferred_interrupt():
            _take_name(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def write_text_atomic(path: Path, text: str) -> Path:
    return write_atomic(path, lambda p: p.write_text(text, encoding="utf-8"))


def text_output(stem: str, suffix: str, text: str) -> Output:
    """An output holding text (UTF-8)."""
    return Output(stem, suffix, lambda path: path.write_text(text, encoding="utf-8"))


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
