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
