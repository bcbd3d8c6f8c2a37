"""What every rule function receives: the model, the variables and the course."""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from models.course import Course
from scheduler.cpsat.variables import CourseVars


@dataclass
class ModelContext:
    """The model under construction.

    In explaining mode every rule family's constraints (and each person's availability) hang on
    an assumption literal, so that OR-Tools can name a small set of them that cannot all hold.
    """

    model: cp_model.CpModel
    vars: CourseVars
    explaining: bool = False
    assumptions: dict[str, cp_model.IntVar] = field(default_factory=dict)

    @property
    def course(self) -> Course:
        return self.vars.course

    def literal(self, key: str) -> cp_model.IntVar | None:
        """The assumption literal of a rule family or fact, or None when not explaining."""
        if not self.explaining:
            return None
        if key not in self.assumptions:
            self.assumptions[key] = self.model.new_bool_var(f"assume[{key}]")
        return self.assumptions[key]

    def add(self, constraint: cp_model.Constraint, key: str) -> cp_model.Constraint:
        """Registers a constraint under a rule family (or fact) key such as 'R14'."""
        literal = self.literal(key)
        if literal is not None:
            constraint.only_enforce_if(literal)
        return constraint

    def presence(self, key: str) -> cp_model.IntVar | int:
        """Presence of a fixed interval that stands for a fact (e.g. someone's absence)."""
        literal = self.literal(key)
        return 1 if literal is None else literal
