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
