"""Running `kurssi` as a real process with bounds on time and memory, cheaply.

Each run is a process of its own, so its exit code, its peak memory and what it prints are
its own. Importing the tool takes a few seconds (OR-Tools, openpyxl, Flask); instead of paying
that for every run, one server process imports it once and forks a child per run, which then
does exactly what the `kurssi` program does (`scheduler.launch.main`). The server is as lean
as a fresh `kurssi` process, so a child's peak memory is what a user's run would take.

Run as a script it is that server: one JSON request per line on stdin, one JSON answer per
line on stdout.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import scheduler.cli  # noqa: F401  (imported once, before any fork)
from scheduler.launch import main as kurssi_main

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Run:
    code: int | None  # None: killed at the time bound
    seconds: float
    peak_mb: float
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def _child(args: list[str], cwd: str, out: str, err: str) -> None:
    """In the forked child: become `kurssi ARGS` with stdout and stderr going to files."""
    os.chdir(cwd)
    for fd, name in ((1, out), (2, err)):
        handle = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(handle, fd)
        os.close(handle)
    sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115 (the process ends here)
    sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
    sys.argv = ["kurssi", *args]
    code = 0
    try:
        kurssi_main()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except BaseException:  # what a real process would print before dying
        traceback.print_exc()
        code = 99
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _serve() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        started = time.monotonic()
        children = {}
        for index, run in enumerate(request["runs"]):  # forked together: they run at once
            pid = os.fork()
            if pid == 0:
                _child(run["args"], run["cwd"], run["stdout"], run["stderr"])
            children[pid] = index
        answers: list[dict[str, Any]] = [{} for _ in children]
        deadline = started + request["timeout"]
        while children:
            for pid, index in list(children.items()):
                done, status, usage = os.wait4(pid, os.WNOHANG)
                killed = False
                if not done and time.monotonic() > deadline:
                    os.kill(pid, signal.SIGKILL)
                    done, status, usage = os.wait4(pid, 0)
                    killed = True
                if done:
                    answers[index] = {
                        "code": None if killed else os.waitstatus_to_exitcode(status),
                        "seconds": time.monotonic() - started,
                        "peak_mb": usage.ru_maxrss / 1024,
                    }
                    del children[pid]
            time.sleep(0.02)
        sys.stdout.write(json.dumps(answers) + "\n")
        sys.stdout.flush()


class KurssiRunner:
    """A server process that runs `kurssi` commands, each in a fresh child process."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self.count = 0
        self.process = subprocess.Popen(
            [sys.executable, __file__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )

    def run(self, *args: str | Path, cwd: Path | None = None, timeout: float = 60) -> Run:
        """`kurssi ARGS` in a process of its own, killed after `timeout` seconds."""
        return self.run_together([args], cwd=cwd, timeout=timeout)[0]

    def run_together(
        self, commands: list[tuple[str | Path, ...]], cwd: Path | None = None, timeout: float = 60
    ) -> list[Run]:
        """Several `kurssi` commands, each a process of its own, all running at once."""
        runs = []
        for args in commands:
            self.count += 1
            runs.append(
                {
                    "args": [str(a) for a in args],
                    "cwd": str(cwd or self.scratch),
                    "stdout": str(self.scratch / f"{self.count}.out"),
                    "stderr": str(self.scratch / f"{self.count}.err"),
                }
            )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"runs": runs, "timeout": timeout}) + "\n")
        self.process.stdin.flush()
        answers = json.loads(self.process.stdout.readline())
        return [
            Run(
                answer["code"],
                answer["seconds"],
                answer["peak_mb"],
                Path(run["stdout"]).read_text(encoding="utf-8", errors="replace"),
                Path(run["stderr"]).read_text(encoding="utf-8", errors="replace"),
            )
            for run, answer in zip(runs, answers, strict=True)
        ]

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=30)


if __name__ == "__main__":
    _serve()
