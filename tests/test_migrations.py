"""Migrations: Alembic's chain builds exactly the schema of the models, and goes back down."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from careerplanner.storage.migrate import MIGRATIONS, alembic_config, downgrade, upgrade
from careerplanner.storage.models import Base
from careerplanner.storage.schema import HEAD_REVISION, KNOWN_REVISIONS


def differences(path: Path) -> list[object]:
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        found = list(compare_metadata(context, Base.metadata))
    engine.dispose()
    return found


def test_upgrading_an_empty_database_matches_the_models(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    sqlite3.connect(path).close()
    upgrade(path)
    assert differences(path) == []
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (HEAD_REVISION,)
        ]
    connection.close()


def test_a_new_database_matches_the_migrated_one(db) -> None:  # type: ignore[no-untyped-def]
    assert differences(db.path) == []


def _triggers(path: Path) -> dict[str, str]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        return {name: " ".join(sql.split()) for name, sql in rows}
    finally:
        connection.close()


def test_a_new_database_has_the_triggers_of_the_migrated_one(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from careerplanner.storage.schema import ENTRY_COLUMNS_TRIGGERS

    migrated = tmp_path / "migrated.sqlite3"
    sqlite3.connect(migrated).close()
    upgrade(migrated)
    assert _triggers(db.path) == _triggers(migrated)
    assert set(_triggers(migrated)) == set(ENTRY_COLUMNS_TRIGGERS)
    downgrade(migrated, "0003")
    assert _triggers(migrated) == {}


def test_downgrade_to_base_removes_every_table(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    upgrade(path)
    downgrade(path, "base")
    engine = create_engine(f"sqlite:///{path}")
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    assert names <= {"alembic_version", "sqlite_sequence"}


def test_schema_module_knows_the_whole_chain() -> None:
    engine = create_engine("sqlite://")
    with engine.connect() as connection:
        script = ScriptDirectory.from_config(alembic_config(connection))
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert tuple(revisions) == KNOWN_REVISIONS
    assert script.get_current_head() == HEAD_REVISION == KNOWN_REVISIONS[-1]
    assert MIGRATIONS.is_dir()


def test_upgrade_from_0001_keeps_the_data_backs_up_first_and_assumes_renewal(
    tmp_path: Path,
) -> None:
    from datetime import date

    from careerplanner.domain.model import License, LicenseType
    from careerplanner.paths import BACKUP_DIR_NAME, DATABASE_NAME
    from careerplanner.storage import Database, scenario_repository
    from careerplanner.storage import repositories as repo
    from careerplanner.storage.schema import APPLICATION_ID

    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    path = data_dir / DATABASE_NAME
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
    connection.close()
    upgrade(path, "0001")
    with sqlite3.connect(path) as connection:  # a v1 user's data, written as v1 wrote it
        connection.execute(
            "INSERT INTO license (type, state, issued, expires, number) "
            "VALUES ('RN', 'TX', '2025-08-01', '2027-07-31', 'RN-1')"
        )
        connection.execute(
            "INSERT INTO scenario (name, weekly_hours, degree_dates, saved_at) "
            "VALUES ('Part time', 20, '{}', '2026-11-01 10:00:00')"
        )
    connection.close()

    with Database.open(data_dir) as db:
        assert db.integrity_problems() == []
        with db.session() as session:
            plan = repo.load_plan(session)
            (scenario,) = scenario_repository.list_scenarios(session)
    assert plan.licenses == (
        License(LicenseType.RN, date(2025, 8, 1), date(2027, 7, 31), "TX", "RN-1", id=1),
    )
    assert plan.licenses[0].renewal_assumed  # rules v2: renewed on time unless marked
    assert plan.work_periods == ()
    assert scenario.name == "Part time" and scenario.work_periods is None
    (backup,) = (data_dir / BACKUP_DIR_NAME).iterdir()
    assert "before-upgrade-0001" in backup.name
    with sqlite3.connect(backup) as connection:  # the copy is the untouched 0001 file
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0001",)
        ]
        assert connection.execute("SELECT type, number FROM license").fetchall() == [("RN", "RN-1")]
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        assert "work_periods" not in tables
    connection.close()


def test_downgrade_to_0001_drops_the_v2_schema(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    upgrade(path)
    downgrade(path, "0001")
    engine = create_engine(f"sqlite:///{path}")
    inspector = inspect(engine)
    names = set(inspector.get_table_names())
    license_columns = {c["name"] for c in inspector.get_columns("license")}
    engine.dispose()
    assert "work_periods" not in names and "license" in names
    assert "renewal_assumed" not in license_columns
