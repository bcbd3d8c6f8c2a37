"""The `kurssi` program: sets up Ctrl-C handling before anything else, then runs the CLI.

Importing the CLI takes a few seconds (OR-Tools, openpyxl, Flask); Ctrl-C in those seconds
ends the run as it does later (exit 130, one line, no traceback), so the handler is installed
before the import, which is therefore done here, in the function, on purpose (not to dodge an
import cycle).
"""

from __future__ import annotations

import importlib
import signal
import sys

from scheduler import clock
from scheduler.interrupts import EXIT_INTERRUPTED, Interrupted, deferred_interrupt, install


def main() -> None:
    clock.begin()
    install()
    try:
        # An extension module interrupted while it initialises fails with an ImportError:
        # Ctrl-C waits for the import to end (a second or two), then ends the run.
        with deferred_interrupt():
            cli = importlib.import_module("scheduler.cli")
        cli.main()
    except Interrupted:
        sys.stderr.write(f"{_interrupted_words(sys.argv[1:])}\n")
        sys.exit(EXIT_INTERRUPTED)


def _interrupted_words(args: list[str]) -> str:
    """The line that tells a run ended by Ctrl-C while it started, in the language --lang
    asks (Finnish otherwise): the words are loaded now, with further Ctrl-C ignored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    language = "en" if "--lang=en" in args or "--lang en" in " ".join(args) else "fi"
    try:
        words = importlib.import_module("scheduler.words")
        return str(words.label("interrupted", language))
    except Exception:  # the table could not be loaded: the exit code still tells it
        return f"^C (exit {EXIT_INTERRUPTED})"


if __name__ == "__main__":
    main()
