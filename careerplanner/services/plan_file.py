"""Reads, checks and stores the whole plan as a `PlanFile`, for the JSON export and import."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from careerplanner.domain.day_totals import validate_day_totals
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.logbook import validate_employer, validate_schedule, validate_supervisor
from careerplanner.domain.scenarios import Scenario, validate_scenario
from careerplanner.domain.validation import (
    MAX_ID,
    check_no_overlap,
    parse_text,
    validate_ce,
    validate_degree,
    validate_entry,
    validate_exam,
    validate_goal,
    validate_license,
    validate_profile,
    validate_work_period,
)
from careerplanner.io.json_io import RECORDS, PlanFile
from careerplanner.storage import repositories as repo
from careerplanner.storage import scenario_repository

KINDS: dict[str, repo.Kind[Any]] = {
    "degrees": repo.DEGREES,
    "licenses": repo.LICENSES,
    "exams": repo.EXAMS,
    "entries": repo.ENTRIES,
    "ce": repo.CE,
    "goals": repo.GOALS,
    "work_periods": repo.WORK_PERIODS,
    "supervisors": repo.SUPERVISORS,
    "employers": repo.EMPLOYERS,
    "schedules": repo.SCHEDULES,
}


def read_plan_file(session: Session) -> PlanFile:
    """Everything stored, read in the caller's transaction."""
    records: dict[str, Any] = {name: repo.list_all(session, kind) for name, kind in KINDS.items()}
    scenarios = tuple(sorted(scenario_repository.list_scenarios(session), key=lambda s: s.id))
    return PlanFile(
        profile=repo.get_profile(session),
        scenarios=scenarios,
        events=tuple(tuple(e) for e in repo.entry_events(session)),  # type: ignore[misc]
        dismissals=dict(sorted(repo.dismissed_reminders(session).items())),
        schedule_days=tuple((s, d, o, e) for s, d, o, e in repo.schedule_day_rows(session)),
        **records,
    )


def validate_plan_file(plan: PlanFile, today: date, cert_ids: Iterable[str] | None) -> PlanFile:
    """Every record checked as the forms check it, and the plan as a whole as the services
    check it (no day over 24 h, one goal per certification); ids set and unique per kind."""
    ids = tuple(cert_ids) if cert_ids is not None else None
    checks: dict[str, Any] = {
        "degrees": validate_degree,
        "licenses": validate_license,
        "exams": lambda e: validate_exam(e, today),
        "entries": lambda e: validate_entry(e, today),
        "ce": lambda c: validate_ce(c, today),
        "goals": (lambda g: validate_goal(g, ids)) if ids is not None else (lambda g: g),
        "work_periods": validate_work_period,
        "supervisors": validate_supervisor,
        "employers": validate_employer,
        "schedules": validate_schedule,
    }
    checked: dict[str, Any] = {}
    for name, _ in RECORDS:
        records = getattr(plan, name)
        _check_ids(records, name)
        checked[name] = tuple(
            _checked(checks[name], r, f"{name}[{i}]") for i, r in enumerate(records)
        )
    _checked(check_no_overlap, checked["work_periods"], "work_periods")
    degree_ids = {d.id for d in plan.degrees}
    _check_ids(plan.scenarios, "scenarios")
    scenarios = tuple(
        _checked(lambda s: _scenario(s, degree_ids), s, f"scenarios[{i}]")
        for i, s in enumerate(plan.scenarios)
    )
    profile = None if plan.profile is None else _checked(validate_profile, plan.profile, "profile")
    _check_days(checked["entries"])
    _check_one_goal_each(checked["goals"])
    events = tuple(_checked(_event, e, f"entry_events[{i}]") for i, e in enumerate(plan.events))
    return replace(plan, profile=profile, scenarios=scenarios, events=events, **checked)


def _event(event: Any) -> Any:
    """An audit-log event: its texts checked like any other (it may name a removed entry)."""
    entry_id, at, action, detail, fields, source = event
    if not 0 < entry_id <= MAX_ID:
        raise ValidationError(f"the entry id {entry_id} is not valid", "entry_id")
    texts = (parse_text(action, "action"), parse_text(detail, "detail"))
    return (entry_id, at, *texts, fields, parse_text(source, "source"))


def _check_days(entries: Sequence[Any]) -> None:
    spans = [(e.start, e.last_day, e.hours) for e in entries]
    try:
        validate_day_totals(spans, [(e.start, e.last_day) for e in entries])
    except ValidationError as error:
        raise ValidationError(f"entries: {error.message}", error.field) from error


def _check_one_goal_each(goals: Sequence[Any]) -> None:
    seen: set[str] = set()
    for index, goal in enumerate(goals):
        key = goal.cert_id.strip().upper()
        if key in seen:
            raise ValidationError(
                f"goals[{index}]: there is already a goal for {goal.cert_id}", "certification"
            )
        seen.add(key)


def _scenario(s: Scenario, degree_ids: set[int]) -> Scenario:
    checked = validate_scenario(s, degree_ids)
    return replace(checked, saved_at=s.saved_at or datetime.now().replace(microsecond=0))


def _checked(check: Any, record: Any, where: str) -> Any:
    try:
        return check(record)
    except ValidationError as error:
        raise ValidationError(f"{where}: {error.message}", error.field) from error


def _check_ids(records: Sequence[Any], name: str) -> None:
    seen: set[int] = set()
    for index, record in enumerate(records):
        if not 0 < record.id <= MAX_ID or record.id in seen:
            raise ValidationError(
                f"{name}[{index}] needs an id of its own (a whole number from 1 to {MAX_ID:,})",
                name,
            )
        seen.add(record.id)


def store_plan_file(session: Session, plan: PlanFile) -> None:
    """Insert everything under its own ids, in the caller's transaction."""
    if plan.profile is not None:
        repo.save_profile(session, plan.profile)
    for name, kind in KINDS.items():
        repo.add_many(session, kind, getattr(plan, name), keep_ids=True)
    scenario_repository.add_scenarios_keeping_ids(session, plan.scenarios)
    events = [repo.EntryEvent(*event) for event in plan.events]
    repo.record_events(session, events)
    repo.record_schedule_days(session, plan.schedule_days)
    for key, day in plan.dismissals.items():
        repo.dismiss_reminder(session, key, day)
