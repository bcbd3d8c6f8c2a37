"""Course weeks on the calendar: Finnish public holidays and the first days a course may start on
(R2: its days on the weekdays the standard allows; a holiday needs Kela's approval)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import holidays

from models.base import day_dates
from models.standard import Standard

SEARCH_DAYS = 120  # how far from a wanted first day to look for one without a holiday


def public_holidays(years: Iterable[int], language: str = "fi") -> holidays.HolidayBase:
    """Finland's public holidays of some years, named in Finnish or English."""
    return holidays.country_holidays(
        "FI", years=sorted(set(years)), language="fi" if language == "fi" else "en_US"
    )


def fits_weekdays(standard: Standard, first_day: date) -> bool:
    """R2: every course day from this first day falls on a weekday the standard allows."""
    return all(
        standard.days.allows_weekday(day.weekday())
        for day in day_dates(first_day, standard.days.count)
    )


def holiday_free(standard: Standard, first_day: date) -> bool:
    """Whether a course starting on this day allowed by R2 has no public holiday among its days."""
    days = day_dates(first_day, standard.days.count)
    public = public_holidays({d.year for d in days})
    return fits_weekdays(standard, first_day) and not any(d in public for d in days)


def holiday_free_first_days(standard: Standard, near: date) -> tuple[date | None, date | None]:
    """The nearest first day whose course days have no public holiday and fit R2, and the
    nearest one on the same weekday as `near` (the later of two as near; None if none)."""
    nearest = next(
        (
            day
            for shift in range(1, SEARCH_DAYS)
            for day in (near + timedelta(days=shift), near - timedelta(days=shift))
            if holiday_free(standard, day)
        ),
        None,
    )
    same_weekday = next(
        (
            day
            for weeks in range(1, SEARCH_DAYS // 7)
            for day in (near + timedelta(weeks=weeks), near - timedelta(weeks=weeks))
            if holiday_free(standard, day)
        ),
        None,
    )
    return nearest, same_weekday
