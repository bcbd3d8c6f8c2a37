"""Hard rules of the standard, one module per rule family, applied in the order of RULES."""

from collections.abc import Callable

from scheduler.cpsat.context import ModelContext
from scheduler.cpsat.rules import booking, flow, staffing, timing

Rule = Callable[[ModelContext], None]

# Order matters only for readability of the model; every rule reads variables, none creates
# variables another rule needs.
RULES: tuple[Rule, ...] = (
    timing.add_course_shape,
    timing.add_day_length,
    timing.add_programme_hours,
    flow.add_small_group_split,
    flow.add_first_day,
    flow.add_session_order,
    booking.add_interviews_vs_group,
    booking.add_no_double_booking,
    booking.add_rooms,
    staffing.add_staffing,
    staffing.add_team,
    staffing.add_special_workers,
    staffing.add_staff_hours,
)
