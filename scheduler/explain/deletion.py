"""The deletion filter both explanations use: which of a model's switched facts a clash needs.

Each switch is a literal that turns one fact on (a rule family, someone's availability, a held
session). Starting from all of them on, groups of switches (halves, then quarters, then single
ones) are turned off in turn; a group whose switches can go while the model stays infeasible
goes. The solver sees a plain model each time, with the switches fixed, so presolve can use them:
aggregate clashes are proven where an assumption core stalls.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence

from ortools.sat.python import cp_model

from scheduler.cpsat.solver import configured_solver


def deletion_filter(
    model: cp_model.CpModel,
    switches: Mapping[str, cp_model.IntVar],
    keys: Sequence[str],
    deadline: float,
    *,
    step: float,
    workers: int = 2,
    order: Callable[[list[str]], list[str]] | None = None,
) -> tuple[list[str], bool] | None:
    """The keys the clash needs, and whether each was shown to be needed (False when time ran
    out or a re-solve was undecided). None when the model with every key on is not proven
    infeasible in time. `order` puts the keys in the order to try dropping them, each round."""

    def infeasible(on: set[str]) -> bool | None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        trial = model.clone()
        for key, literal in switches.items():
            trial.add(literal == int(key in on))
        solver = configured_solver(time_limit=min(step, remaining), workers=workers)
        status = solver.solve(trial)
        if status == cp_model.INFEASIBLE:
            return True
        if status in (cp_model.FEASIBLE, cp_model.OPTIMAL):
            return False
        return None

    current = [key for key in keys if key in switches]
    if infeasible(set(current)) is not True:
        return None
    proven = True
    size = max(len(current) // 2, 1)
    while True:
        ordered = order(current) if order is not None else current
        chunks = [ordered[i : i + size] for i in range(0, len(ordered), size)]
        for chunk in chunks:
            if time.monotonic() >= deadline:
                return current, False
            result = infeasible(set(current) - set(chunk))
            if result is True:
                current = [k for k in current if k not in chunk]
            elif result is None and size == 1:
                proven = False
        if size == 1:
            break
        size = max(size // 2, 1)
    return current, proven
