"""Solves in the background: one thread per course, one solve at a time per course, progress the
page polls, and a Stop that keeps the best timetable found so far.

The result is written as the course's next version when the solve ends, whether or not anyone
is still looking: closing the browser loses nothing.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Literal

from scheduler.errors import Infeasible, InputError, SolverBug
from scheduler.interrupts import Stoppable
from scheduler.io.courses import file_sha256
from scheduler.services.solving import Progress, SolveOptions, solve
from scheduler.web.workspace import Workspace
from scheduler.words import reader, reading_in, say, solver_status

State = Literal["running", "done", "failed"]
log = logging.getLogger("kurssi.web")


@dataclass
class Job:
    course: str
    time_limit: float
    started: float = field(default_factory=time.monotonic)
    state: State = "running"
    points: list[Progress] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    version: str | None = None
    stopped: bool = False
    finished: float | None = None
    solver: Stoppable | None = None  # the running search: its stop_search() ends it

    def progress(self) -> dict[str, object]:
        """What the page shows: elapsed and limit, the penalty falling, the gap."""
        last = self.points[-1] if self.points else None
        elapsed = (self.finished or time.monotonic()) - self.started
        # A bound below 0 is the solver's before it proves one: no gap to show yet.
        gap = last.gap if last is not None and last.bound >= 0 else None
        return {
            "state": self.state,
            "elapsed": round(elapsed, 1),
            "limit": self.time_limit,
            "penalty": last.objective if last else None,
            "bound": last.bound if last and last.bound >= 0 else None,
            "gap": gap,
            "points": [[round(p.seconds, 2), p.objective] for p in self.points[-200:]],
            "messages": self.messages,
            "version": self.version,
            "stopped": self.stopped,
        }


class Jobs:
    def __init__(self, workspace: Workspace, options: SolveOptions) -> None:
        self.workspace = workspace
        self.options = options
        self._lock = threading.Lock()
        self._jobs: dict[str, Job] = {}
        self._threads: dict[str, threading.Thread] = {}

    def get(self, course: str) -> Job | None:
        with self._lock:
            return self._jobs.get(course)

    def running(self, course: str) -> bool:
        job = self.get(course)
        return job is not None and job.state == "running"

    def start(self, course: str, time_limit: float | None = None) -> tuple[Job, bool]:
        """The course's solve: a new one (True), or the one already running (False)."""
        entry = self.workspace.course(course)  # InputError for an unknown course, at once
        with self._lock:
            job = self._jobs.get(course)
            if job is not None and job.state == "running":
                return job, False
            limit = time_limit if time_limit and time_limit > 0 else self.options.time_limit
            job = Job(course=course, time_limit=min(limit, 3600.0))
            self._jobs[course] = job
            thread = threading.Thread(
                target=self._run,
                args=(job, entry.name, reader()),  # the page's language, for its messages
                name=f"solve-{course}",
                daemon=True,
            )
            self._threads[course] = thread
        thread.start()
        return job, True

    def stop(self, course: str) -> bool:
        """Asks the running solve to stop; it keeps and writes the best timetable so far."""
        job = self.get(course)
        if job is None or job.state != "running":
            return False
        job.stopped = True
        if job.solver is not None:
            job.solver.stop_search()
        return True

    def wait(self, course: str, timeout: float | None = None) -> Job | None:
        """Waits for the course's solve to end (tests, and a clean shutdown)."""
        with self._lock:
            thread = self._threads.get(course)
        if thread is not None:
            thread.join(timeout)
        return self.get(course)

    def _on_start(self, job: Job, solver: Stoppable) -> None:
        job.solver = solver
        if job.stopped:  # Stop pressed while the model was being built
            solver.stop_search()

    def _run(self, job: Job, name: str, language: str) -> None:
        with reading_in(language):
            self._solve(job, name)

    def _solve(self, job: Job, name: str) -> None:
        try:
            course = self.workspace.load(name)
            newest = self.workspace.newest(name)
            locked = newest.timetable.sessions if newest and newest.timetable else ()
            options = dataclasses.replace(
                self.options,
                time_limit=job.time_limit,
                progress=job.points.append,
                on_start=lambda solver: self._on_start(job, solver),
            )
            sha = file_sha256(self.workspace.course(name).path)
            result = solve(course, options, input_sha256=sha, locked=locked)
            version = self.workspace.write_version(name, result.timetable)
            job.version = version.name
            job.messages.append(
                say(
                    "web_job_done",
                    status=solver_status(result.status, reader()),
                    penalty=f"{result.objective:g}",
                )
            )
            job.state = "done"
        except InputError as error:
            job.messages.extend(str(p) for p in error.problems)
            job.state = "failed"
        except Infeasible as error:
            job.messages.extend(error.reasons)
            job.state = "failed"
        except SolverBug as error:
            job.messages.append(say("web_job_bug", error=str(error)))
            job.state = "failed"
        except Exception:  # a bug: logged for the developer, never a traceback in the page
            log.exception("solve of %s failed", name)
            job.messages.append(say("web_job_crash"))
            job.state = "failed"
        finally:
            job.finished = time.monotonic()
            job.solver = None
