"""Supervisors, employers, clock times, the edit history and schedule fill, through the real
services over a real SQLite file (today is fixed at Thursday 2026-11-26)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from careerplanner.domain.errors import NotFoundError, ValidationError
from careerplanner.domain.logbook import Credential, Employer, Schedule, Supervisor
from careerplanner.domain.model import Setting, Supervision, WorkEntry
from careerplanner.services import Services


def timed(day: date, start: str, end: str, **more: object) -> WorkEntry:
    return WorkEntry(
        start=day,
        hours=1.0,
        start_time=time.fromisoformat(start),
        end_time=time.fromisoformat(end),
        **more,  # type: ignore[arg-type]
    )


def test_clock_times_compute_the_hours_and_an_edit_keeps_them(services: Services) -> None:
    entry = services.hours.add(timed(date(2026, 11, 9), "08:00", "16:30", break_minutes=30))
    assert entry.hours == 8.0
    moved = services.hours.update(replace(entry, end_time=time(12, 15), hours=99.0))
    assert moved.hours == 3.75 and services.hours.get(entry.id).hours == 3.75


def test_an_end_before_the_start_and_an_overlap_are_refused(services: Services) -> None:
    with pytest.raises(ValidationError, match=r"the end time \(07:00\) is not after"):
        services.hours.add(timed(date(2026, 11, 9), "08:00", "07:00"))
    first = services.hours.add(timed(date(2026, 11, 9), "08:00", "12:00"))
    with pytest.raises(ValidationError) as caught:
        services.hours.add(timed(date(2026, 11, 9), "11:00", "15:00"))
    assert caught.value.message == (
        f"2026-11-09 11:00–15:00 overlaps entry {first.id} (2026-11-09 08:00–12:00)"
    )
    after = services.hours.add(timed(date(2026, 11, 9), "12:00", "13:00"))
    assert [e.id for e in services.hours.list()] == [first.id, after.id]


def test_the_24_hour_rule_still_holds_beside_timed_entries(services: Services) -> None:
    services.hours.add(timed(date(2026, 11, 9), "00:00", "23:00"))
    with pytest.raises(ValidationError, match="more than 24 h in a day"):
        services.hours.add(WorkEntry(start=date(2026, 11, 9), hours=2.0))


def test_supervision_follows_the_credential_and_an_edit_says_how_many(services: Services) -> None:
    boss = services.supervisors.add(Supervisor("Ann Lee", Credential.LCSW, "L-1", "TX"))
    a = services.hours.add(WorkEntry(date(2026, 11, 2), 8.0, supervisor_id=boss.id))
    b = services.hours.add(WorkEntry(date(2026, 11, 3), 8.0, supervisor_id=boss.id))
    assert a.supervision is Supervision.LICENSED_SW
    services.hours.verify([b.id], "Ann Lee", "LCSW", date(2026, 11, 20))
    result = services.supervisors.update(replace(boss, credential=Credential.CCM))
    assert (result.updated, result.kept) == (1, 1)
    assert services.hours.get(a.id).supervision is Supervision.CCM
    assert services.hours.get(b.id).supervision is Supervision.LICENSED_SW
    (added, edit) = services.hours.events(a.id)
    assert (added.action, edit.action, edit.fields) == (
        "add",
        "edit",
        {"supervision": ["licensed-sw", "ccm"]},
    )
    with pytest.raises(NotFoundError, match="no supervisor with id 99"):
        services.hours.add(WorkEntry(date(2026, 11, 4), 1.0, supervisor_id=99))
    with pytest.raises(ValidationError, match="named by 2 entries"):
        services.supervisors.remove(boss.id)


def test_an_employer_fills_the_setting_and_free_text_becomes_a_record(services: Services) -> None:
    mercy = services.employers.add(Employer("Mercy Hospital", Setting.HOSPITAL))
    kept = services.hours.add(
        WorkEntry(date(2026, 11, 2), 8.0, setting=Setting.CLINIC, employer_id=mercy.id)
    )
    taken = services.hours.add(WorkEntry(date(2026, 11, 3), 8.0, employer=" mercy hospital"))
    new = services.hours.add(WorkEntry(date(2026, 11, 4), 8.0, employer="Eastside Clinic"))
    assert (kept.setting, kept.employer) == (Setting.CLINIC, "Mercy Hospital")
    assert (taken.setting, taken.employer_id) == (Setting.HOSPITAL, mercy.id)
    assert [e.name for e in services.employers.list()] == ["Eastside Clinic", "Mercy Hospital"]
    assert new.employer_id == services.employers.named("EASTSIDE clinic").id
    with pytest.raises(ValidationError, match="already an employer named Mercy Hospital"):
        services.employers.add(Employer("MERCY HOSPITAL"))


def test_every_change_is_in_the_history(services: Services) -> None:
    entry = services.hours.add(WorkEntry(date(2026, 11, 2), 8.0, notes="ward"))
    services.hours.update(replace(entry, hours=7.5, notes="ward 3"))
    services.hours.verify([entry.id], "Ann Lee", "CCM", date(2026, 11, 20))
    services.hours.unlock(entry.id, "typo in the notes")
    history = services.hours.events(entry.id)
    assert [(e.action, e.fields) for e in history] == [
        ("add", {}),
        ("edit", {"hours": [8.0, 7.5], "notes": ["ward", "ward 3"]}),
        ("verify", {}),
        ("unlock", {}),
    ]
    assert history[0].detail == "8 h on 2026-11-02"


def schedule(services: Services, **more: object) -> Schedule:
    return services.schedules.add(
        Schedule(
            "mon-thu",
            time(8, 0),
            time(16, 30),
            date(2026, 11, 9),
            break_minutes=30,
            **more,  # type: ignore[arg-type]
        )
    )


def test_fill_logs_each_scheduled_day_once(services: Services) -> None:
    boss = services.supervisors.add(Supervisor("Ann Lee", Credential.CCM))
    mercy = services.employers.add(Employer("Mercy Hospital", Setting.HOSPITAL, paid=False))
    made = schedule(services, supervisor_id=boss.id, employer_id=mercy.id)
    assert made.weekdays == "mon,tue,wed,thu"
    services.hours.add(WorkEntry(date(2026, 11, 10), 4.0))  # Tuesday already logged
    dry = services.schedules.fill(date(2026, 11, 19), dry_run=True)
    assert [e.start.day for e in dry.entries] == [9, 11, 12, 16, 17, 18, 19]
    assert services.hours.list()[0].hours == 4.0 and len(services.hours.list()) == 1
    done = services.schedules.fill(date(2026, 11, 19), skip=[date(2026, 11, 12)])
    assert [e.start.day for e in done.entries] == [9, 11, 16, 17, 18, 19]
    assert (done.hours, done.skipped, done.logged) == (
        48.0,
        (date(2026, 11, 12),),
        (date(2026, 11, 10),),
    )
    first = done.entries[0]
    assert (first.supervision, first.setting, first.paid, first.employer) == (
        Supervision.CCM,
        Setting.HOSPITAL,
        False,
        "Mercy Hospital",
    )
    assert services.hours.events(first.id)[0].action == "fill"
    services.hours.remove(first.id)
    again = services.schedules.fill(date(2026, 11, 26))
    assert [e.start.day for e in again.entries] == [23, 24, 25, 26]
    assert services.schedules.fill(date(2026, 11, 26)).entries == ()


def test_fill_refuses_a_day_after_today_and_an_unscheduled_skip(services: Services) -> None:
    schedule(services)
    with pytest.raises(ValidationError, match="after today"):
        services.schedules.fill(date(2026, 11, 27))
    with pytest.raises(ValidationError, match="2026-11-14 is not a scheduled day"):
        services.schedules.fill(date(2026, 11, 20), skip=[date(2026, 11, 14)])
    assert services.hours.list() == ()
