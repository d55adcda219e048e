"""Prerequisites made of degrees, licenses and exams: held on which days, and in plain words."""

from __future__ import annotations

from datetime import date

import numpy as np

from careerplanner.domain.catalog import (
    CredentialOption,
    CredentialRequirement,
    DegreeRule,
    LicenseYearsRequirement,
)
from careerplanner.domain.dates import add_years, fmt_day, years_between
from careerplanner.domain.daygrid import BoolArray, DayGrid
from careerplanner.domain.labels import exam_name
from careerplanner.domain.model import (
    Degree,
    DegreeStatus,
    ExamType,
    License,
    LicenseType,
    Plan,
)


def matches(rule: DegreeRule, degree: Degree) -> bool:
    return (
        degree.level in rule.levels
        and degree.field in rule.fields
        and (degree.accredited or not rule.accredited)
        and (degree.field_experience or not rule.field_experience)
        and degree.end is not None
    )


def completion(rule: DegreeRule, plan: Plan, *, planned: bool) -> date | None:
    """Earliest completion date of a matching degree; planned ones count when `planned`."""
    dates = [
        d.end
        for d in plan.degrees
        if matches(rule, d) and d.end and (planned or d.status is DegreeStatus.COMPLETED)
    ]
    return min(dates, default=None)


def first_issued(plan: Plan, kind: LicenseType) -> date | None:
    return min((lic.issued for lic in plan.licenses if lic.type is kind), default=None)


def renewal_assumed(lic: License, as_of: date) -> bool:
    """Rules v2: in a projection, a license valid on the as-of date (or planned) keeps counting
    after its expiry, unless the user marked it as not being renewed. An already expired one
    is not renewed by assumption."""
    return lic.renewal_assumed and lic.expires is not None and lic.expires >= as_of


def license_label(lic: License) -> str:
    """'RN license (TX)'."""
    where = f" ({lic.state})" if lic.state else ""
    return f"{lic.type.value} license{where}"


def renewal_assumption(lic: License) -> str:
    assert lic.expires is not None
    return f"assumes your {license_label(lic)}, expiring {fmt_day(lic.expires)}, is renewed on time"


class CredentialDays:
    """Which future days of the grid each credential is held on; with `renewals` (the rules
    v2 projection) licenses are assumed renewed on time, without it they end at their expiry."""

    def __init__(self, plan: Plan, grid: DayGrid) -> None:
        self.plan = plan
        self.grid = grid

    def license_active(self, kinds: tuple[LicenseType, ...], renewals: bool = True) -> BoolArray:
        days = self.grid.future
        held = np.zeros(days.shape, np.bool_)
        for lic in self.plan.licenses:
            if lic.type in kinds:
                last = self.grid.size
                if lic.expires is not None and not (
                    renewals and renewal_assumed(lic, self.grid.as_of)
                ):
                    last = self.grid.index(lic.expires)
                held |= (days >= self.grid.index(lic.issued)) & (days <= last)
        return held

    def ending(self, kinds: tuple[LicenseType, ...]) -> list[str]:
        """Why licenses of these kinds stop counting, when none of them lasts to the horizon:
        "your LCSW license ends Mar 31, 2027 and is marked as not renewed"."""
        if kinds and self.license_active(kinds)[-1:].any():
            return []
        notes = []
        for lic in self.plan.licenses:
            if lic.type not in kinds or lic.expires is None:
                continue
            if lic.expires < self.grid.as_of:
                notes.append(
                    f"your {license_label(lic)} expired {fmt_day(lic.expires)} (record its renewal)"
                )
            elif not lic.renewal_assumed:
                notes.append(
                    f"your {license_label(lic)} ends {fmt_day(lic.expires)}"
                    " and is marked as not renewed"
                )
        return notes

    def renewals_relied_on(self, req: CredentialRequirement, day: date) -> list[License]:
        """The licenses whose assumed renewal the requirement needs to be held on `day`."""
        index = int(np.searchsorted(self.grid.future, self.grid.index(day)))
        if self.requirement(req, renewals=False)[index]:
            return []
        kinds = {k for option in req.options for k in option.licenses}
        return [
            lic
            for lic in self.plan.licenses
            if lic.type in kinds
            and renewal_assumed(lic, self.grid.as_of)
            and lic.expires is not None
            and lic.expires < day
        ]

    def exam_passed(self, kinds: tuple[ExamType, ...]) -> BoolArray:
        days = self.grid.future
        held = np.zeros(days.shape, np.bool_)
        for exam in self.plan.exams:
            if exam.type in kinds:
                held |= days >= self.grid.index(exam.passed)
        return held

    def degree_held(self, rule: DegreeRule) -> BoolArray:
        done = completion(rule, self.plan, planned=True)
        if done is None:
            return np.zeros(self.grid.future.shape, np.bool_)
        return self.grid.future >= self.grid.index(done)

    def option(self, option: CredentialOption, renewals: bool = True) -> BoolArray:
        held = np.ones(self.grid.future.shape, np.bool_)
        if option.degree:
            held &= self.degree_held(option.degree)
        if option.licenses or option.exams:
            licensed = self.license_active(option.licenses, renewals)
            held &= licensed | self.exam_passed(option.exams)
        return held

    def requirement(self, req: CredentialRequirement, renewals: bool = True) -> BoolArray:
        held = np.zeros(self.grid.future.shape, np.bool_)
        for option in req.options:
            held |= self.option(option, renewals)
        return held

    def license_years(self, req: LicenseYearsRequirement) -> BoolArray:
        first = first_issued(self.plan, req.license)
        if first is None:
            return np.zeros(self.grid.future.shape, np.bool_)
        return self.grid.future >= self.grid.index(add_years(first, req.years))


def active_licenses(plan: Plan, kinds: tuple[LicenseType, ...], as_of: date) -> list[str]:
    return [
        _license_name(lic.type, lic.state, lic.expires)
        for lic in plan.licenses
        if lic.type in kinds
        and lic.issued <= as_of
        and (lic.expires is None or lic.expires >= as_of)
    ]


def _license_name(kind: LicenseType, state: str | None, expires: date | None) -> str:
    where = f" ({state})" if state else ""
    until = f", valid through {expires.isoformat()}" if expires else ""
    return f"{kind.value} license{where}{until}"


def option_held_now(option: CredentialOption, plan: Plan, as_of: date) -> list[str]:
    """What meets this option on the as-of date, or an empty list when it is not met."""
    held: list[str] = []
    if option.degree:
        done = completion(option.degree, plan, planned=False)
        if done is None or done > as_of:
            return []
        held.append(f"{option.degree.name} completed {done.isoformat()}")
    if option.licenses or option.exams:
        found = active_licenses(plan, option.licenses, as_of)
        found += [
            f"{exam_name(e.type)} passed {e.passed.isoformat()}"
            for e in plan.exams
            if e.type in option.exams and e.passed <= as_of
        ]
        if not found:
            return []
        held.append(found[0])
    return held


def _either(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def degree_phrase(rule: DegreeRule) -> str:
    accredited = "accredited " if rule.accredited else ""
    experience = " with supervised field experience" if rule.field_experience else ""
    return f"{accredited}{rule.name}{experience}"


def describe_option(option: CredentialOption) -> str:
    """The option in words, e.g. "a completed BSW and an active LBSW or LCSW license"."""
    parts = [f"a completed {degree_phrase(option.degree)}"] if option.degree else []
    choices = []
    if option.licenses:
        choices.append(f"an active {_either([k.value for k in option.licenses])} license")
    if option.exams:
        choices.append(f"a passed {_either([exam_name(e) for e in option.exams])}")
    if choices:
        parts.append(" or ".join(choices))
    return " and ".join(parts)


def describe_missing(req: CredentialRequirement) -> str:
    return " or ".join(describe_option(o) for o in req.options)


def license_years_now(
    req: LicenseYearsRequirement, plan: Plan, as_of: date
) -> tuple[float, date | None]:
    """Years since the first license of the kind was issued (0 without one), and that date."""
    issued = [
        lic.issued for lic in plan.licenses if lic.type is req.license and lic.issued <= as_of
    ]
    if not issued:
        return 0.0, None
    first = min(issued)
    return years_between(first, as_of), first
