"""Calendar arithmetic for periods counted in years."""

import calendar
from datetime import date


def add_years(start: date, years: int) -> date:
    """The same day ``years`` later; 29 February falls back to the month's last day (§ 605 OZ)."""
    target_year = start.year + years
    last_day = calendar.monthrange(target_year, start.month)[1]
    return start.replace(year=target_year, day=min(start.day, last_day))
