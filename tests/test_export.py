"""CSV export (every column, date range, formula cells neutralised) and the JSON round trip."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerplanner.catalog import load_catalog
from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import (
    Activity,
    CeActivity,
    CeTopic,
    GoalStatus,
    License,
    LicenseType,
    Setting,
    Supervision,
    WorkEntry,
    WorkPeriod,
)
from careerplanner.domain.scenarios import Scenario
from careerplanner.io.csv_export import HOURS_COLUMNS, HOURS_HEADERS, neutralise
from careerplanner.services import Services
from careerplanner.storage import Database
from careerplanner.storage import repositories as repo

TODAY = date(2026, 11, 26)
CATALOG = load_catalog()


def test_neutralise() -> None:
    for text in ("=SUM(A1)", "+1", "-2+3", "@cmd", "\tx", "\rx", "'quoted", "'="):
        assert neutralise(text) == "'" + text
    for text in ("plain", "", "1-2", "a=b", "quoted'"):
        assert neutralise(text) == text


def test_hours_export_neutralises_and_round_trips(services: Services, tmp_path: Path) -> None:
    risky = ['=HYPERLINK("x")', "+1 555", "-minus", "@SUM(A1)"]
    for day, text in enumerate(risky, 1):
        services.hours.add(WorkEntry(date(2026, 1, day), 2.5, employer=text, notes=text))
    out = tmp_path / "hours.csv"
    assert services.records.export_hours_csv(out) == 4
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert tuple(rows[0]) == HOURS_HEADERS
    for row, text in zip(rows[1:], risky, strict=True):
        assert row[8] == row[9] == "'" + text
        assert row[1].count("-") == 2 and row[3] == "2.5"
    preview = services.records.preview_hours_csv(out)  # our own export reads back as itself
    assert preview.rows == [] and len(preview.duplicates) == 4 and not preview.errors


def test_hours_export_range_and_ce(services: Services) -> None:
    services.hours.add(WorkEntry(date(2026, 1, 1), 1))
    services.hours.add(WorkEntry(date(2026, 1, 30), 10, end=date(2026, 2, 3)))
    services.hours.add(WorkEntry(date(2026, 3, 1), 1))
    buffer = io.StringIO()
    assert services.records.export_hours_csv(buffer, date(2026, 2, 1), date(2026, 2, 28)) == 1
    assert "2026-01-30,2026-02-03,10,Case management,Other,Not supervised," in buffer.getvalue()
    services.ce.add(CeActivity(date(2026, 5, 1), 2, CeTopic.ETHICS, title="-Ethics"))
    buffer = io.StringIO()
    assert services.records.export_ce_csv(buffer) == 1
    assert "2026-05-01,2,Ethics,'-Ethics" in buffer.getvalue()
    buffer = io.StringIO()
    assert services.records.export_ce_csv(buffer, codes=True) == 1
    assert "2026-05-01,2,ethics,'-Ethics" in buffer.getvalue()


@pytest.mark.parametrize("codes", [False, True])
def test_both_export_forms_read_back_as_the_same_entries(
    services: Services, tmp_path: Path, codes: bool
) -> None:
    kinds = [
        WorkEntry(date(2026, 1, 5), 4, setting=Setting.HOME_HEALTH, supervision=Supervision.CCM),
        WorkEntry(date(2026, 1, 6), 2.5, activity=Activity.SUPERVISING, paid=False),
        WorkEntry(date(2026, 1, 7), 30, end=date(2026, 1, 9), supervision=Supervision.LICENSED_SW),
        WorkEntry(date(2026, 1, 12), 1, setting=Setting.SKILLED_NURSING, employer="'quoted"),
    ]
    stored = [services.hours.add(e) for e in kinds]
    out = tmp_path / "hours.csv"
    services.records.export_hours_csv(out, codes=codes)
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",") == list(HOURS_COLUMNS if codes else HOURS_HEADERS)
    assert ("Supervised by a CCM" in out.read_text(encoding="utf-8-sig")) is not codes
    with Database.open(tmp_path / "other") as db:
        other = Services(db, services.catalog, today=lambda: TODAY)
        preview = other.records.preview_hours_csv(out)
        assert preview.tool == "CareerPlanner export" and not preview.notes
        # the employer record is linked when the rows are stored, not when they are read
        unlinked = [replace(e, id=0, employer_id=None) for e in stored]
        assert [replace(e, id=0) for e in preview.rows] == unlinked


def _rich_plan(services: Services) -> None:
    services.plan.load_demo()
    entry = services.hours.add(WorkEntry(date(2026, 11, 20), 3.3, notes='ünïcode, "quotes"\n'))
    services.hours.verify([entry.id], "Dr. Rivera", "LCSW", date(2026, 11, 21))
    services.hours.remove(services.hours.list()[0].id)
    services.scenarios.create(Scenario("Faster", weekly_hours=40, raise_percent=3.5))
    hospital_in_july = WorkPeriod(
        0, date(2027, 7, 1), None, 40, Activity.CASE_MANAGEMENT, Setting.HOSPITAL, Supervision.RN
    )
    services.scenarios.create(Scenario("Hospital in July", work_periods=(hospital_in_july,)))
    services.education.add_license(
        License(LicenseType.LCSW, date(2026, 1, 1), date(2027, 3, 31), "TX", renewal_assumed=False)
    )
    for goal in services.goals.list()[:1]:
        services.goals.update(replace(goal, status=GoalStatus.EARNED, earned_on=date(2025, 1, 1)))
    with services.db.session() as session:
        repo.dismiss_reminder(session, "license:1", date(2026, 11, 1))


def test_json_round_trip_is_exact(services: Services, tmp_path: Path) -> None:
    _rich_plan(services)
    first = tmp_path / "plan.json"
    services.records.export_json(first)
    with Database.open(tmp_path / "other") as db:
        other = Services(db, services.catalog, today=lambda: TODAY)
        snapshot = other.records.import_json(first)
        assert snapshot == services.plan.snapshot()
        assert other.scenarios.list() == services.scenarios.list()
        assert other.hours.events() == services.hours.events()
        second = tmp_path / "again.json"
        other.records.export_json(second)
        assert second.read_text() == first.read_text()
        with pytest.raises(ValidationError, match="only into an empty data folder"):
            other.records.import_json(first)


def test_json_round_trip_carries_work_periods_and_the_renewal_flag(
    services: Services, tmp_path: Path
) -> None:
    _rich_plan(services)
    path = tmp_path / "plan.json"
    services.records.export_json(path)
    doc = json.loads(path.read_text())
    assert [p["setting"] for p in doc["work_periods"]] == ["insurance", "hospital"]
    assert [lic["renewal_assumed"] for lic in doc["licenses"]] == [True, False]
    scenarios = {s["name"]: s["work_periods"] for s in doc["scenarios"]}
    assert scenarios["Faster"] is None
    assert [p["start"] for p in scenarios["Hospital in July"]] == ["2027-07-01"]


def test_a_file_from_before_rules_v2_imports_with_the_defaults(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "plan.json"
    path.write_text(
        '{"format": "CareerPlanner plan", "version": 1, "licenses": '
        '[{"id": 3, "type": "RN", "issued": "2025-08-01", "expires": "2027-07-31"}]}'
    )
    plan = services.records.import_json(path)
    assert plan.licenses == (
        License(LicenseType.RN, date(2025, 8, 1), date(2027, 7, 31), id=3, renewal_assumed=True),
    )
    assert plan.work_periods == ()


def test_a_file_with_overlapping_periods_is_refused(services: Services, tmp_path: Path) -> None:
    period = (
        '{"id": %d, "start": "%s", "end": null, "weekly_hours": 30, "activity": '
        '"case-management", "setting": "other", "supervision": "none"}'
    )
    path = tmp_path / "plan.json"
    path.write_text(
        '{"format": "CareerPlanner plan", "version": 1, "work_periods": ['
        + period % (1, "2026-01-01")
        + ", "
        + period % (2, "2027-01-01")
        + "]}"
    )
    with pytest.raises(
        ValidationError,
        match=r"work_periods: the period from 2027-01-01 on overlaps the period from 2026-01-01 on",
    ):
        services.records.import_json(path)
    assert services.plan.is_empty()


def test_json_import_refuses_bad_files(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text("{not json")
    with pytest.raises(ValidationError, match="not valid JSON"):
        services.records.import_json(path)
    path.write_text('{"format": "CareerPlanner plan", "version": 99}')
    with pytest.raises(ValidationError, match="newer version"):
        services.records.import_json(path)
    path.write_text(
        '{"format": "CareerPlanner plan", "version": 1, "entries": '
        '[{"id": 1, "start": "2026-01-01", "hours": -4}]}'
    )
    with pytest.raises(ValidationError, match=r"entries\[0\]: hours must be more than 0"):
        services.records.import_json(path)
    assert services.plan.is_empty()


GUARD_TEXT = st.text(
    st.sampled_from("'=+-@ ab1") | st.characters(blacklist_categories=("Cc", "Cs")), max_size=8
).map(str.strip)


@settings(max_examples=60, deadline=None)
@given(st.lists(GUARD_TEXT, min_size=1, max_size=6))
def test_any_text_comes_back_from_our_own_export_as_it_was(notes: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp, Database.open(Path(tmp) / "a") as db:
        source = Services(db, CATALOG, today=lambda: TODAY)
        for day, note in enumerate(notes, 1):
            source.hours.add(WorkEntry(date(2026, 1, day), 1, notes=note, employer=note))
        out = Path(tmp) / "hours.csv"
        source.records.export_hours_csv(out)
        with Database.open(Path(tmp) / "b") as other:
            target = Services(other, CATALOG, today=lambda: TODAY)
            target.records.import_hours(target.records.preview_hours_csv(out))
            assert [(e.notes, e.employer) for e in target.hours.list()] == [(n, n) for n in notes]


def test_another_tools_file_keeps_its_leading_apostrophes(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "toggl.csv"
    path.write_text("date,hours,notes\n2026-01-02,1,'=\n2026-01-03,1,'quoted\n2026-01-04,1,'+1\n")
    preview = services.records.preview_hours_csv(path)
    assert [e.notes for e in preview.rows] == ["'=", "'quoted", "'+1"]


@settings(max_examples=25, deadline=None)
@given(
    hours=st.one_of(st.integers(-5, 200), st.floats(-1, 200, allow_nan=False)),
    length=st.integers(-3, 400),
)
def test_imported_periods_go_through_the_one_validation_path(hours: float, length: int) -> None:
    """A period in a file is stored exactly when 0 < weekly hours <= 168 and its until is not
    before its from; otherwise nothing at all is stored."""
    end = date(2027, 1, 1) + timedelta(days=length)
    doc = {
        "format": "CareerPlanner plan",
        "version": 1,
        "work_periods": [
            {"id": 1, "start": "2027-01-01", "end": end.isoformat(), "weekly_hours": hours,
             "activity": "case-management", "setting": "clinic", "supervision": "rn"},
        ],
    }  # fmt: skip
    with tempfile.TemporaryDirectory() as folder, Database.open(Path(folder) / "d") as db:
        services = Services(db, load_catalog(), today=lambda: TODAY)
        path = Path(folder) / "plan.json"
        path.write_text(json.dumps(doc))
        if 0 < hours <= 168 and length >= 0:
            (period,) = services.records.import_json(path).work_periods
            assert (period.weekly_hours, period.end) == (hours, end)
        else:
            with pytest.raises(ValidationError, match=r"work_periods\[0\]: "):
                services.records.import_json(path)
            assert services.plan.is_empty()
