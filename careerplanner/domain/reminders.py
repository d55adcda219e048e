"""What is due soon: license expiry, renewal windows, exam application deadlines, targets at risk.

An exam-application deadline is offered only for a goal whose projected eligibility falls on
or before that deadline: the first testing window one can still apply for once eligible.
A reminder is due when its date falls within the next `HORIZON_DAYS` days (today and day 90
included, day 91 not), or is already past by at most `OVERDUE_DAYS` days. Each has a stable
`key` naming the thing and its date, so a dismissal can be stored and a new date (a renewed
license) reminds again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from careerplanner.domain.catalog import Catalog, ExamWindow
from careerplanner.domain.model import GoalStatus, License, Plan
from careerplanner.domain.renewals import RenewalStatus, describe_needed, renewal_statuses
from careerplanner.domain.results import Eligibility

HORIZON_DAYS = 90
OVERDUE_DAYS = 365


@dataclass(frozen=True, slots=True)
class Reminder:
    key: str
    kind: str  # "license", "renewal-opens", "renewal-due", "application", "target"
    due: date
    text: str

    def days_left(self, today: date) -> int:
        return (self.due - today).days

    def overdue(self, today: date) -> bool:
        return self.due < today


def due_reminders(
    plan: Plan, catalog: Catalog, today: date, eligibility: Eligibility | None = None
) -> tuple[Reminder, ...]:
    """Every reminder due around `today`, soonest first.

    Exam applications and target dates depend on the projection, so they need `eligibility`.
    """
    candidates = [
        *_licenses(plan, today),
        *_renewals(renewal_statuses(plan, catalog, today), today),
        *(_applications(plan, catalog, today, eligibility) if eligibility is not None else ()),
        *(_targets(plan, eligibility) if eligibility is not None else ()),
    ]
    due = [r for r in candidates if is_due(r.due, today)]
    return tuple(sorted(due, key=lambda r: (r.due, r.key)))


def is_due(day: date, today: date) -> bool:
    """Within the horizon ahead, or overdue by at most OVERDUE_DAYS."""
    return -OVERDUE_DAYS <= (day - today).days <= HORIZON_DAYS


def when(day: date, today: date) -> str:
    """ "today", "tomorrow", "in 12 days", "3 days ago"."""
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


def _long(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def license_name(lic: License) -> str:
    return f"{lic.type.value} license" + (f" ({lic.state})" if lic.state else "")


def _licenses(plan: Plan, today: date) -> Iterator[Reminder]:
    for lic in plan.licenses:
        if lic.expires is None or _renewed(lic, plan):
            continue
        verb = "expired" if lic.expires < today else "expires"
        text = (
            f"Your {license_name(lic)} {verb} on {_long(lic.expires)} ({when(lic.expires, today)})."
        )
        if lic.expires >= today:
            text += " Renew it in time so it keeps counting."
        ident = lic.id or f"{lic.type.value}-{lic.state or ''}"
        yield Reminder(f"license:{ident}:{lic.expires.isoformat()}", "license", lic.expires, text)


def _renewed(lic: License, plan: Plan) -> bool:
    """A later license of the same type and state replaces this one."""
    assert lic.expires is not None
    return any(
        other.type is lic.type
        and other.state == lic.state
        and (other.expires is None or other.expires > lic.expires)
        and other.issued > lic.issued
        for other in plan.licenses
    )


def _renewals(statuses: tuple[RenewalStatus, ...], today: date) -> Iterator[Reminder]:
    for status in statuses:
        cid, due = status.cert_id, status.cycle_end
        if status.window_opens >= today:
            yield Reminder(
                f"renewal-opens:{cid}:{due.isoformat()}",
                "renewal-opens",
                status.window_opens,
                f"The {cid} renewal window opens on {_long(status.window_opens)} "
                f"({when(status.window_opens, today)}); {describe_needed(status)}.",
            )
        verb = "was due" if due < today else "is due"
        yield Reminder(
            f"renewal-due:{cid}:{due.isoformat()}",
            "renewal-due",
            due,
            f"Your {cid} renewal {verb} by {_long(due)} ({when(due, today)}); "
            f"{describe_needed(status)}.",
        )


def window_dates(window: ExamWindow, year: int) -> tuple[date, date, date]:
    """(applications open, applications close, first day of testing) for the window in `year`.

    An application month later in the year than the testing month belongs to the year before.
    """
    test = date(year, window.month, 1)

    def dated(month_day: tuple[int, int]) -> date:
        month, day = month_day
        return date(year - 1 if month > window.month else year, month, day)

    return dated(window.apply_from), dated(window.apply_until), test


def next_application(
    windows: tuple[ExamWindow, ...], today: date
) -> tuple[date, date, date] | None:
    """The testing window whose application deadline is the first one on or after `today`."""
    dates = [window_dates(w, year) for w in windows for year in (today.year, today.year + 1)]
    upcoming = [d for d in dates if d[1] >= today]
    return min(upcoming, key=lambda d: d[1]) if upcoming else None


def _applications(
    plan: Plan, catalog: Catalog, today: date, eligibility: Eligibility
) -> Iterator[Reminder]:
    known = set(catalog.ids)
    for goal in plan.goals:
        if goal.status is GoalStatus.EARNED or goal.cert_id not in known:
            continue
        ready = _projected(eligibility, goal.cert_id)
        if ready is None:
            continue
        found = next_application(catalog.get(goal.cert_id).exam.windows, max(today, ready))
        if found is None:
            continue
        opens, closes, test = found
        text = (
            f"Apply by {_long(closes)} ({when(closes, today)}) to take the {goal.cert_id} "
            f"exam in the {test:%B %Y} testing window"
        )
        text += f"; applications open {_long(opens)}." if opens > today else "."
        yield Reminder(
            f"application:{goal.cert_id}:{closes.isoformat()}", "application", closes, text
        )


def _projected(eligibility: Eligibility, cert_id: str) -> date | None:
    """The day the user can apply for `cert_id`: today when eligible, else the projection."""
    try:
        result = eligibility.get(cert_id)
    except KeyError:
        return None
    return eligibility.as_of if result.eligible else result.projected_date


def _targets(plan: Plan, eligibility: Eligibility) -> Iterator[Reminder]:
    today = eligibility.as_of
    for goal in plan.goals:
        if goal.target is None or goal.status is GoalStatus.EARNED:
            continue
        try:
            result = eligibility.get(goal.cert_id)
        except KeyError:
            continue
        projected = result.projected_date
        if projected is not None and projected <= goal.target:
            continue
        if projected is None:
            outlook = "at your planned pace you will not qualify" + (
                f" ({result.blocking})" if result.blocking else ""
            )
        else:
            outlook = f"at your planned pace you will qualify on {_long(projected)}"
        yield Reminder(
            f"target:{goal.cert_id}:{goal.target.isoformat()}",
            "target",
            goal.target,
            f"Your target for {goal.cert_id} is {_long(goal.target)} "
            f"({when(goal.target, today)}), but {outlook}.",
        )
