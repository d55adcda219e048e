"""Calendar arithmetic the rules need: whole years back and forth, and day ordinals in bulk."""

from __future__ import annotations

from datetime import date

import numpy as np
import numpy.typing as npt

# date(1970, 1, 1).toordinal(): numpy's datetime64[D] counts days from there.
_EPOCH_ORDINAL = 719163

IntArray = npt.NDArray[np.int64]


def fmt_day(day: date) -> str:
    """'Jul 31, 2027', as the user reads a date in a sentence."""
    return f"{day:%b} {day.day}, {day.year}"


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later (or earlier); 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def shift_years(ordinals: IntArray, years: int) -> IntArray:
    """`add_years` over an array of day ordinals, without a Python loop."""
    days = (ordinals - _EPOCH_ORDINAL).astype("datetime64[D]")
    months = days.astype("datetime64[M]")
    day_of_month = (days - months.astype("datetime64[D]")).astype(np.int64)
    target = months + np.timedelta64(12 * years, "M")
    month_length = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(
        np.int64
    )
    shifted = target.astype("datetime64[D]") + np.minimum(day_of_month, month_length - 1)
    result: IntArray = shifted.astype(np.int64) + _EPOCH_ORDINAL
    return result


def years_between(start: date, end: date) -> float:
    """Whole calendar years plus the fraction of the year in progress, for display."""
    whole = end.year - start.year
    if add_years(start, whole) > end:
        whole -= 1
    anniversary = add_years(start, whole)
    next_anniversary = add_years(start, whole + 1)
    fraction = (end - anniversary).days / (next_anniversary - anniversary).days
    return whole + fraction
