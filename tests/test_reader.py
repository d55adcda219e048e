"""The snapshot reader (plain `sqlite3`) is guarded against the SQLAlchemy models, and reads the
same plan as the ORM does, down to the bytes of `eligibility --json`."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from enum import Enum
from typing import Any, get_args, get_type_hints

import pytest
from sqlalchemy import Boolean, Date, Table, Time, select

from careerplanner.cli.output import dumps
from careerplanner.cli.status_commands import eligibility_json
from careerplanner.domain.catalog import Catalog
from careerplanner.domain.model import Plan, Profile
from careerplanner.domain.rules import evaluate
from careerplanner.domain.scenarios import Scenario
from careerplanner.storage import Database, reader
from careerplanner.storage import models as m

SPECS: list[tuple[reader.TableSpec[Any], type[m.Base]]] = [
    (reader.DEGREES, m.DegreeRow),
    (reader.LICENSES, m.LicenseRow),
    (reader.EXAMS, m.ExamRow),
    (reader.ENTRIES, m.WorkEntryRow),
    (reader.WORK_PERIODS, m.WorkPeriodRow),
    (reader.CE, m.CeActivityRow),
    (reader.GOALS, m.GoalRow),
    (reader.PROFILE, m.ProfileRow),
    (reader.SUPERVISORS, m.SupervisorRow),
    (reader.EMPLOYERS, m.EmployerRow),
    (reader.SCHEDULES, m.ScheduleRow),
]
# Columns the snapshot deliberately leaves out; anything else a model gains must be read.
NOT_READ = {"work_entry": {"created_at"}, "profile": {"id"}}
TODAY = date(2026, 11, 26)


def _table(row: type[m.Base]) -> Table:
    table = row.__table__
    assert isinstance(table, Table)
    return table


@pytest.mark.parametrize(("spec", "row"), SPECS, ids=lambda x: getattr(x, "table", ""))
def test_every_model_column_is_read_with_its_type(spec: Any, row: type[m.Base]) -> None:
    table = _table(row)
    assert spec.table == table.name
    read = set(spec.columns)
    assert read | NOT_READ.get(table.name, set()) == set(table.c.keys())
    assert spec.dates == {n for n, c in table.c.items() if isinstance(c.type, Date) and n in read}
    assert spec.times == {n for n, c in table.c.items() if isinstance(c.type, Time) and n in read}
    assert spec.flags == {
        n for n, c in table.c.items() if isinstance(c.type, Boolean) and n in read
    }


def test_emptiness_looks_at_every_user_table() -> None:
    assert tuple(_table(r).name for r in m.USER_TABLES) == reader.USER_TABLE_NAMES


def test_the_stored_entry_columns_fit_their_model_the_engine_and_the_triggers() -> None:
    from careerplanner.domain.encoding import EncodedEntries, encode_entries
    from careerplanner.storage import entry_columns, schema

    table = _table(m.EntryColumnsRow)
    assert table.name == entry_columns.TABLE == schema.ENTRY_COLUMNS_TABLE
    assert tuple(table.c.keys()) == entry_columns.COLUMNS
    assert m.EntryColumnsRow not in m.USER_TABLES and table.name not in reader.USER_TABLE_NAMES
    arrays = {f.name for f in fields(EncodedEntries)} - {"source"}
    empty = encode_entries(())
    assert {name: memory for name, _, memory in entry_columns.FIELDS} == {
        name: getattr(empty, name).dtype.type for name in arrays
    }
    # An update of any column the copy is made from deletes it (the others keep it).
    read = {"ids" if n == "id" else n for n in reader.ENTRY_COLUMNS}
    assert read == arrays
    assert set(schema.ENTRY_SOURCE_COLUMNS) == set(reader.ENTRY_COLUMNS)


def test_dismissals_are_read_from_the_model_columns() -> None:
    table, columns = reader.DISMISSALS
    assert table == _table(m.ReminderDismissalRow).name
    assert set(columns) == set(_table(m.ReminderDismissalRow).c.keys())


def test_scenarios_are_read_from_the_model_columns(services: Any) -> None:
    assert set(reader.SCENARIO_COLUMNS) == set(_table(m.ScenarioRow).c.keys())
    services.plan.load_demo()
    services.scenarios.create(Scenario(name="Part time", weekly_hours=20))
    services.scenarios.create(Scenario(name="another job", weekly_hours=40))
    from careerplanner.storage import scenario_repository

    with services.db.session() as session:
        orm = scenario_repository.list_scenarios(session)
    assert services.scenarios.list() == orm
    assert [s.name for s in orm] == ["another job", "Part time"]
    assert services.scenarios.get(" part TIME ") == orm[1]
    assert orm[1].saved_at is not None and orm[1].saved_projection is not None


def _orm_plan(db: Database) -> Plan:
    """The plan read through ORM rows: SQLAlchemy's own type conversion, independent of the
    reader."""

    def records(spec: Any, row: type[m.Base]) -> tuple[Any, ...]:
        hints = get_type_hints(spec.cls)
        out = []
        with db.session() as session:
            for obj in session.execute(select(row).order_by(*spec.order)).scalars():
                values = {}
                for f in fields(spec.cls):
                    value = getattr(obj, f.name)
                    kinds = [hints[f.name], *get_args(hints[f.name])]
                    enum = next(
                        (k for k in kinds if isinstance(k, type) and issubclass(k, Enum)), None
                    )
                    values[f.name] = enum(value) if enum and value is not None else value
                out.append(spec.cls(**values))
        return tuple(out)

    got = {spec.table: records(spec, row) for spec, row in SPECS}
    return Plan(
        profile=(got["profile"] or (Profile(),))[0],
        degrees=got["degree"],
        licenses=got["license"],
        exams=got["exam"],
        entries=got["work_entry"],
        ce=got["ce_activity"],
        goals=got["goal"],
        work_periods=got["work_periods"],
    )


def test_the_reader_reads_what_the_orm_reads(services: Any, catalog: Catalog) -> None:
    plan = services.plan.load_demo()
    services.education.update_license(replace(plan.licenses[0], renewal_assumed=False))
    with services.db.snapshot_connection() as connection:
        read = reader.read_plan(connection)
    orm = _orm_plan(services.db)
    assert read == orm
    assert len(read.entries) > 10 and read.work_periods and read.ce and read.goals
    assert read.licenses[0].renewal_assumed is False
    ours = dumps(eligibility_json(evaluate(read, catalog, TODAY), {}))
    assert ours.encode() == dumps(eligibility_json(evaluate(orm, catalog, TODAY), {})).encode()
    assert ours == dumps(eligibility_json(services.plan.eligibility(TODAY), {}))


def test_emptiness(services: Any) -> None:
    assert services.plan.is_empty()
    services.plan.load_demo()
    assert not services.plan.is_empty()
