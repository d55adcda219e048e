"""The rule engine: which certifications a plan meets on a date, why not, and when it will.

A pure function of (plan, catalog, as-of date, pace). Requirements sharing a `group` are
alternatives; a certification is met on a day when every group has a requirement met that day.
The projected date is the first day after the as-of date on which that holds, searched up to
15 years ahead with windows re-evaluated on each day. A requirement's days are worked out only
when asked for: a met requirement of an eligible certification needs none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property

import numpy as np

from careerplanner.domain.catalog import (
    Catalog,
    CeRequirement,
    Certification,
    CredentialRequirement,
    HoursRequirement,
    LicenseYearsRequirement,
    Requirement,
)
from careerplanner.domain.credentials import (
    CredentialDays,
    describe_missing,
    license_years_now,
    option_held_now,
    renewal_assumption,
)
from careerplanner.domain.dates import add_years
from careerplanner.domain.daygrid import (
    BoolArray,
    CeArrays,
    DayGrid,
    Entries,
    Pace,
    PlannedSpan,
    planned_pace,
)
from careerplanner.domain.hours_rules import CeRule, HoursRule
from careerplanner.domain.model import Plan
from careerplanner.domain.planned_work import describe_work
from careerplanner.domain.results import CertificationResult, Eligibility, RequirementResult
from careerplanner.domain.validation import fmt_number

HORIZON_YEARS = 15
EPSILON = 1e-6

Days = Callable[[], BoolArray]  # whether it is met on each day after the as-of date


def evaluate(
    plan: Plan,
    catalog: Catalog,
    as_of: date,
    *,
    weekly_hours: float | None = None,
    ce_hours_per_year: float | None = None,
) -> Eligibility:
    """Evaluate and project every certification of the catalog, in catalog order."""
    weekly = plan.profile.weekly_hours if weekly_hours is None else weekly_hours
    ce_rate = plan.profile.ce_hours_per_year if ce_hours_per_year is None else ce_hours_per_year
    context = _Context(plan, as_of, weekly_hours, ce_rate)
    results = tuple(context.certification(cert) for cert in catalog.certifications)
    return Eligibility(
        as_of,
        weekly,
        ce_rate,
        results,
        weekly_override=weekly_hours,
        planned_periods=len(plan.work_periods),
    )


@dataclass
class _Evaluated:
    result: RequirementResult
    days: Days
    hint: str  # why it may never be met
    ending: tuple[str, ...] = ()  # licenses it needs that stop counting, in words
    planned: tuple[PlannedSpan, ...] = ()  # hours: the planned work that counts for it

    @cached_property
    def future(self) -> BoolArray:
        """Met on each day after the as-of date."""
        return self.days()


class _Context:
    """Arrays shared by every requirement of one evaluation."""

    def __init__(
        self, plan: Plan, as_of: date, weekly_override: float | None, ce_rate: float
    ) -> None:
        self.plan = plan
        self.as_of = as_of
        self.grid = DayGrid(plan, as_of, HORIZON_YEARS)
        self.pace: Pace = planned_pace(self.grid, plan, weekly_override, ce_rate)
        self.entries: Entries = self.grid.entries()
        self.ce: CeArrays = self.grid.ce(plan.ce)
        self.credentials = CredentialDays(plan, self.grid)

    def certification(self, cert: Certification) -> CertificationResult:
        evaluated = [self.requirement(req, cert) for req in cert.requirements]
        groups: dict[str, list[_Evaluated]] = {}
        for req, ev in zip(cert.requirements, evaluated, strict=True):
            groups.setdefault(req.group or req.id, []).append(ev)
        eligible = all(any(ev.result.met for ev in group) for group in groups.values())
        projected: date | None = self.as_of
        blocking = None
        assumptions: tuple[str, ...] = ()
        if not eligible:
            future = np.ones(self.grid.future.shape, np.bool_)
            for group in groups.values():
                future &= np.logical_or.reduce([ev.future for ev in group])
            projected = self._first_day(future)
            blocking = None if projected else self._blocking(groups)
            if projected:
                assumptions = self._assumptions(cert, evaluated, projected)
        return CertificationResult(
            id=cert.id,
            name=cert.name,
            eligible=eligible,
            projected_date=projected,
            blocking=blocking,
            requirements=tuple(ev.result for ev in evaluated),
            assumptions=assumptions,
        )

    def _assumptions(
        self, cert: Certification, evaluated: list[_Evaluated], projected: date
    ) -> tuple[str, ...]:
        """What the projected date rests on: licenses renewed on time, planned work, CE."""
        found: list[str] = []
        for req, ev in zip(cert.requirements, evaluated, strict=True):
            if isinstance(req, CredentialRequirement):  # held now, perhaps not on that day
                relied = self.credentials.renewals_relied_on(req, projected)
                found += [renewal_assumption(lic) for lic in relied]
            elif ev.result.met:
                continue
            elif isinstance(req, HoursRequirement) and _by(ev.result, projected):
                last = self.grid.index(projected)
                found += [
                    describe_work(span.period, implicit=self.pace.implicit)
                    for span in ev.planned
                    if span.first <= last
                ]
            elif isinstance(req, CeRequirement) and _by(ev.result, projected):
                per_year = fmt_number(self.pace.ce_per_day * 365)
                found.append(f"assumes {per_year} CE hours a year of case-management topics")
        return tuple(dict.fromkeys(found))

    def _first_day(self, met: BoolArray) -> date | None:
        hits = np.flatnonzero(met)
        return self.grid.day(int(self.grid.future[hits[0]])) if hits.size else None

    def _blocking(self, groups: dict[str, list[_Evaluated]]) -> str:
        for group in groups.values():
            if not any(ev.result.met or ev.future.any() for ev in group):
                return "; ".join(dict.fromkeys(ev.hint for ev in group))
        ending = [note for group in groups.values() for ev in group for note in ev.ending]
        if ending:
            return "; ".join(dict.fromkeys(ending)) + " (the other requirements are met later)"
        return f"the requirements are never all met on the same day within {HORIZON_YEARS} years"

    def requirement(self, req: Requirement, cert: Certification) -> _Evaluated:
        if isinstance(req, CredentialRequirement):
            return self._credential(req)
        if isinstance(req, LicenseYearsRequirement):
            return self._license_years(req)
        if isinstance(req, HoursRequirement):
            return self._hours(req, cert)
        return self._ce(req)

    def _result(self, req: Requirement, days: Days, **fields: object) -> RequirementResult:
        met = bool(fields.pop("met"))
        projected = self.as_of if met else self._first_day(days())
        return RequirementResult(
            id=req.id,
            label=req.label,
            met=met,
            projected_date=projected,
            group=req.group,
            assumption=req.assumption,
            **fields,  # type: ignore[arg-type]
        )

    def _credential(self, req: CredentialRequirement) -> _Evaluated:
        held = [
            h for option in req.options for h in [option_held_now(option, self.plan, self.as_of)]
        ]
        meeting = next((h for h in held if h), None)
        future = self.credentials.requirement(req)
        missing = describe_missing(req)
        detail = f"met by {', '.join(meeting)}" if meeting else f"needs {missing}"
        kinds = tuple(dict.fromkeys(k for option in req.options for k in option.licenses))
        ending = tuple(self.credentials.ending(kinds)) if not future.all() else ()
        result = self._result(
            req,
            lambda: future,
            kind="credential",
            met=meeting is not None,
            current=1.0 if meeting else 0.0,
            required=1.0,
            unit="credential",
            detail=detail,
        )
        hint = f"no {_bare(missing)} recorded or planned"
        if ending:  # name the license; keep the other routes when there are any
            only_licenses = all(not (o.degree or o.exams) for o in req.options)
            hint = "; ".join(ending) + ("" if only_licenses else f", and {hint}")
        return _Evaluated(result, lambda: future, hint, ending)

    def _license_years(self, req: LicenseYearsRequirement) -> _Evaluated:
        years, first = license_years_now(req, self.plan, self.as_of)
        met = first is not None and add_years(first, req.years) <= self.as_of
        kind = req.license.value
        detail = (
            f"first {kind} license issued {first.isoformat()}" if first else f"no {kind} license"
        )
        future = self.credentials.license_years(req)
        result = self._result(
            req,
            lambda: future,
            kind="license-years",
            met=met,
            current=round(years, 2),
            required=float(req.years),
            unit="years",
            detail=detail,
        )
        return _Evaluated(result, lambda: future, f"no {kind} license recorded or planned")

    def _hours(self, req: HoursRequirement, cert: Certification) -> _Evaluated:
        rule = HoursRule(req, cert.short_name, self.plan, self.grid)
        now = rule.now(self.entries)

        @cache  # asked for by the requirement's date and then by the certification's
        def days() -> BoolArray:
            return rule.future(self.pace) >= req.hours - EPSILON

        met = now.countable >= req.hours - EPSILON
        result = self._result(
            req,
            days,
            kind="hours",
            met=met,
            current=now.countable,
            required=req.hours,
            unit="hours",
            recorded=now.recorded,
            deductions=now.deductions,
            detail=f"{now.countable:,.0f} of {req.hours:,.0f} h count",
        )
        problem = rule.pace_problem(self.pace)
        hint = f"{req.label}: {now.countable:,.0f} of {req.hours:,.0f} h"
        hint += f", and {problem}" if problem else f", not reached within {HORIZON_YEARS} years"
        if req.after_degree and rule.boundary(planned=True)[0] is None:
            hint = f"no completed {req.after_degree.name} recorded or planned"
        return _Evaluated(result, days, hint, planned=tuple(rule.counting(self.pace)))

    def _ce(self, req: CeRequirement) -> _Evaluated:
        rule = CeRule(req, self.grid)
        now = rule.now(self.ce)

        @cache
        def days() -> BoolArray:
            return rule.future(self.ce, self.pace) >= req.hours - EPSILON

        result = self._result(
            req,
            days,
            kind="ce",
            met=now.countable >= req.hours - EPSILON,
            current=now.countable,
            required=req.hours,
            unit="ce-hours",
            recorded=now.recorded,
            deductions=now.deductions,
            detail=f"{now.countable:,.1f} of {req.hours:,.0f} CE h count",
        )
        hint = f"{req.label}: {now.countable:,.1f} of {req.hours:,.0f} CE h"
        hint += ", and no CE hours per year are planned" if self.pace.ce_per_day <= 0 else ""
        return _Evaluated(result, days, hint)


def _by(result: RequirementResult, day: date) -> bool:
    """The requirement is projected to hold by `day` (so the date rests on its projection)."""
    return result.projected_date is not None and result.projected_date <= day


def _bare(phrase: str) -> str:
    """ "an active RN license" → "active RN license", to follow "no"."""
    for article in ("an ", "a "):
        if phrase.startswith(article):
            return phrase.removeprefix(article)
    return phrase
