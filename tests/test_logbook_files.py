"""The hours log's records and the entry history survive the JSON export and import, and a
backup and restore, exactly (real services over real SQLite files; today fixed)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

from careerplanner.domain.logbook import Credential, Employer, Schedule, Supervisor
from careerplanner.domain.model import Setting, WorkEntry
from careerplanner.services import Services
from careerplanner.storage import Database

TODAY = date(2026, 11, 26)


def fill_logbook(services: Services) -> int:
    boss = services.supervisors.add(Supervisor("Ann Lee", Credential.CCM, "C-1", "TX", "a@b.org"))
    mercy = services.employers.add(
        Employer("Mercy Hospital", Setting.HOSPITAL, start=date(2026, 1, 5))
    )
    services.schedules.add(
        Schedule(
            "mon,wed",
            time(8),
            time(12),
            date(2026, 11, 16),
            supervisor_id=boss.id,
            employer_id=mercy.id,
        )
    )
    services.schedules.fill(date(2026, 11, 26), skip=[date(2026, 11, 18)])
    entry = services.hours.add(
        WorkEntry(
            date(2026, 11, 17),
            1.0,
            start_time=time(13),
            end_time=time(15, 30),
            break_minutes=15,
            supervisor_id=boss.id,
            employer="mercy hospital",
        )
    )
    services.hours.update(replace(entry, notes="home visit"))
    return entry.id


def test_json_carries_supervisors_employers_schedules_and_history(
    services: Services, tmp_path: Path
) -> None:
    entry_id = fill_logbook(services)
    first = tmp_path / "plan.json"
    services.records.export_json(first)
    with Database.open(tmp_path / "other") as db:
        other = Services(db, services.catalog, today=lambda: TODAY)
        other.records.import_json(first)
        assert other.supervisors.list() == services.supervisors.list()
        assert other.employers.list() == services.employers.list()
        assert other.schedules.list() == services.schedules.list()
        assert other.hours.list() == services.hours.list()
        assert other.hours.events(entry_id) == services.hours.events(entry_id)
        assert other.hours.get(entry_id).hours == 2.25
        assert other.schedules.fill(TODAY).entries == ()  # filled and skipped days travel too
        second = tmp_path / "again.json"
        other.records.export_json(second)
        assert second.read_text() == first.read_text()


def test_history_survives_backup_and_restore(services: Services) -> None:
    entry_id = fill_logbook(services)
    saved = services.backups.backup()
    history = services.hours.events(entry_id)
    services.hours.update(replace(services.hours.get(entry_id), notes="changed after"))
    services.backups.restore(saved.path)
    assert services.hours.events(entry_id) == history
    assert [e.action for e in history] == ["add", "edit"]
    assert history[1].fields == {"notes": ["", "home visit"]}


def test_csv_export_writes_times_and_supervisor_and_the_import_maps_them(
    services: Services, tmp_path: Path
) -> None:
    fill_logbook(services)
    services.hours.add(WorkEntry(date(2026, 11, 2), 24.0, end=date(2026, 11, 4)))  # a span
    out = tmp_path / "hours.csv"
    services.records.export_hours_csv(out)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].endswith(",Start time,End time,Break minutes,Supervisor")
    timed = next(line for line in lines if line.startswith(("4,2026-11-17", "5,2026-11-17")))
    assert timed.endswith(",mercy hospital,home visit,,,,13:00,15:30,15,Ann Lee")
    with Database.open(tmp_path / "other") as db:
        other = Services(db, services.catalog, today=lambda: TODAY)
        other.supervisors.add(Supervisor("ann lee", Credential.CCM))
        preview = other.records.preview_hours_csv(out)
        other.records.import_hours(preview)
        mine = {(e.start, e.start_time): e for e in services.hours.list()}
        for entry in other.hours.list():
            source = mine[entry.start, entry.start_time]
            assert (entry.hours, entry.end, entry.end_time, entry.break_minutes) == (
                source.hours,
                source.end,
                source.end_time,
                source.break_minutes,
            )
            assert entry.supervisor_id == (1 if source.supervisor_id else None)
        assert len(other.hours.list()) == len(services.hours.list()) == 5
        assert [s.name for s in other.supervisors.list()] == ["ann lee"]
        assert other.hours.events(1)[0].source == "hours.csv"
        assert [e.name for e in other.employers.list()] == ["Mercy Hospital"]


def test_an_unknown_supervisor_in_a_file_becomes_a_record(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "log.csv"
    path.write_text(
        "Date,Start time,End time,Supervision,Supervisor\n"
        "2026-11-02,09:00,12:00,rn,Bo Park\n"
        "2026-11-03,09:00,11:00,rn,BO PARK\n"
    )
    services.records.import_hours(services.records.preview_hours_csv(path))
    (bo,) = services.supervisors.list()
    assert (bo.name, bo.credential) == ("Bo Park", Credential.RN)
    assert [(e.hours, e.supervisor_id, e.start_time) for e in services.hours.list()] == [
        (3.0, bo.id, time(9)),
        (2.0, bo.id, time(9)),
    ]
