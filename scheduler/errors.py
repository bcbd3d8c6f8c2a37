"""What can go wrong, as the exit codes tell it: bad input (2), an impossible course (3), and a
bug (4). Every layer raises these; only the CLI turns them into messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(eq=False)  # not frozen: Python sets __traceback__ on raised exceptions
class InputError(Exception):
    """A problem with an input file, told so that a person can fix it (exit 2).

    `also` holds further problems found in the same pass, so that one run lists them all.
    """

    file: str
    place: str
    message: str
    rule: str | None = None
    also: tuple[InputError, ...] = ()

    def __str__(self) -> str:
        return told(self.file, self.place, self.message, self.rule)

    @property
    def problems(self) -> tuple[InputError, ...]:
        """This problem and the further ones, each on its own."""
        return (self, *self.also)


class CourseWarning(UserWarning):
    """Something in an input file that is allowed but worth a look (e.g. a public holiday).

    Issued with `warnings.warn` while loading; the CLI prints them to stderr.
    """

    def __init__(self, file: str, place: str, message: str, rule: str | None = None) -> None:
        super().__init__(told(file, place, message, rule))
        self.file, self.place, self.message, self.rule = file, place, message, rule


def told(file: str, place: str, message: str, rule: str | None) -> str:
    where = f"{file}: {place}" if place else file
    rule_text = f" ({rule})" if rule else ""
    return f"{where}: {message}{rule_text}"


def combine(problems: list[InputError]) -> InputError:
    """Several problems as one error to raise: the first, with the others in `also`."""
    flat = [single for problem in problems for single in problem.problems]
    first = flat[0]
    rest = tuple(replace(p, also=()) for p in flat[1:])
    return InputError(first.file, first.place, first.message, first.rule, rest)


class Infeasible(Exception):
    """The course cannot meet the standard as given; `reasons` say why in words (exit 3)."""

    def __init__(self, reasons: list[str], status: str = "INFEASIBLE") -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons
        self.status = status

    @property
    def proven(self) -> bool:
        """Proven impossible (by the solver or the pre-checks), not a time limit run out."""
        return self.status != "UNKNOWN"


class SolverBug(Exception):
    """A timetable the solver made fails the independent checker: a bug, never the user's
    doing (exit 4). Nothing is written."""
