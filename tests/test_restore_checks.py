"""Restore proves a copy of the backup sound before replacing anything; a bad file changes nothing.

Each hostile file starts as a real backup of the sample plan and is then edited the way a
broken tool or a forger would: every one passes SQLite's quick_check.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_process import digest, listing

from careerplanner.cli import run
from careerplanner.paths import DATABASE_NAME
from careerplanner.storage.schema import APPLICATION_ID, HEAD_REVISION, KNOWN_REVISIONS

Edit = Callable[[sqlite3.Connection], None]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert run(["--data-dir", str(folder), "demo"]) == 0
    return folder


def _hostile(data_dir: Path, tmp_path: Path, edit: Edit) -> Path:
    """A backup of `data_dir`, edited by `edit` (constraints off, schema writable)."""
    path = tmp_path / "hostile.sqlite3"
    assert run(["--data-dir", str(data_dir), "backup", "--out", str(path)]) == 0
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA ignore_check_constraints=ON")
    connection.execute("PRAGMA writable_schema=ON")
    edit(connection)
    connection.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    check.close()
    return path


def _without_checks(connection: sqlite3.Connection, table: str) -> None:
    """Make the table's CHECK constraints always true, as a file written without them."""
    connection.execute(
        "UPDATE sqlite_master SET sql = replace(sql, 'CHECK (', 'CHECK (1 OR ') WHERE name = ?",
        (table,),
    )


def _moon(connection: sqlite3.Connection) -> None:
    _without_checks(connection, "work_entry")
    connection.execute("UPDATE work_entry SET activity = 'moon' WHERE id = 1")


def _not_a_date(connection: sqlite3.Connection) -> None:
    _without_checks(connection, "work_entry")
    connection.execute("UPDATE work_entry SET start = '2026-02-30' WHERE id = 2")


def _text_hours(connection: sqlite3.Connection) -> None:
    connection.execute("UPDATE ce_activity SET hours = 'lots' WHERE id = 1")


def _index_out_of_step(connection: sqlite3.Connection) -> None:
    """The index now claims to cover another column: only the full integrity_check sees it."""
    connection.execute(
        "UPDATE sqlite_master SET sql = replace(sql, '(start)', '(\"end\")') "
        "WHERE name = 'ix_work_entry_start'"
    )


def _no_revision_table(connection: sqlite3.Connection) -> None:
    connection.execute("DROP TABLE alembic_version")


def _empty_revision(connection: sqlite3.Connection) -> None:
    connection.execute("DELETE FROM alembic_version")


def _missing_column(connection: sqlite3.Connection) -> None:
    connection.execute("ALTER TABLE goal DROP COLUMN expires_on")


CASES = {
    "an unknown activity": (_moon, 'breaks the rule "activity" IN ('),
    "an impossible date": (_not_a_date, "start is not a date"),
    "text for hours": (_text_hours, "hours is not a number"),
    "an index out of step": (_index_out_of_step, "cannot be restored"),
    "no revision table": (_no_revision_table, "records no schema revision"),
    "an empty revision table": (_empty_revision, "records no schema revision"),
    "a missing column": (_missing_column, "lacks the columns expires_on"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_backup_is_refused_and_nothing_changes(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    edit, said = CASES[case]
    source = _hostile(data_dir, tmp_path, edit)
    capsys.readouterr()
    before = listing(data_dir)
    for _ in range(2):  # a second attempt finds everything as the first left it
        assert run(["--data-dir", str(data_dir), "restore", str(source)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"error: {source} cannot be restored") and said in err
        assert listing(data_dir) == before  # no swap, no safety copy, no upgrade copy
    assert run(["--data-dir", str(data_dir), "hours", "list"]) == 0  # the app still works
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("revision", "said"),
    [
        (HEAD_REVISION, "the table ce_activity is missing"),
        (KNOWN_REVISIONS[0], f"it says it has schema {KNOWN_REVISIONS[0]}, but its upgrade failed"),
    ],
)
def test_a_forged_minimal_file_is_refused(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], revision: str, said: str
) -> None:
    forged = tmp_path / "forged.sqlite3"
    connection = sqlite3.connect(forged)
    connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
    connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
    connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    connection.commit()
    connection.close()
    assert run(["--data-dir", str(data_dir), "profile", "show"]) == 0  # today's backup is made
    before = listing(data_dir)
    assert run(["--data-dir", str(data_dir), "restore", str(forged)]) == 2
    assert said in capsys.readouterr().err
    assert listing(data_dir) == before


def test_a_sound_backup_is_restored_after_a_safety_copy(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "sound.sqlite3"
    assert run(["--data-dir", str(data_dir), "backup", "--out", str(source)]) == 0
    assert run(["--data-dir", str(data_dir), "profile", "set", "--name", "Changed"]) == 0
    capsys.readouterr()
    assert run(["--data-dir", str(data_dir), "restore", str(source)]) == 0
    assert "the data as it was before is in" in capsys.readouterr().out
    connection = sqlite3.connect(data_dir / DATABASE_NAME)
    assert connection.execute("SELECT name FROM profile").fetchall() == [
        ("Jordan Rivera (sample)",)
    ]
    connection.close()
    safety = list((data_dir / "backups").glob("*-before-restore.sqlite3"))
    assert len(safety) == 1
    connection = sqlite3.connect(f"{safety[0].as_uri()}?mode=ro", uri=True)
    assert connection.execute("SELECT name FROM profile").fetchall() == [("Changed",)]
    connection.close()
    assert not list(data_dir.glob(".*.tmp"))  # the checked copy is gone


def test_a_backup_from_an_older_schema_is_upgraded_on_the_copy_and_restored(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from careerplanner.storage.migrate import downgrade

    source = tmp_path / "old.sqlite3"
    assert run(["--data-dir", str(data_dir), "backup", "--out", str(source)]) == 0
    downgrade(source, KNOWN_REVISIONS[0])
    before = digest(source)
    assert run(["--data-dir", str(data_dir), "profile", "set", "--name", "Changed"]) == 0
    assert run(["--data-dir", str(data_dir), "restore", str(source)]) == 0
    assert digest(source) == before  # the backup itself is never upgraded in place
    connection = sqlite3.connect(data_dir / DATABASE_NAME)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
        (HEAD_REVISION,)
    ]
    assert connection.execute("SELECT name FROM profile").fetchall() == [
        ("Jordan Rivera (sample)",)
    ]
    connection.close()
    assert run(["--data-dir", str(data_dir), "check"]) == 0


def test_a_live_file_that_cannot_be_upgraded_bricks_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "sound.sqlite3"
    assert run(["--data-dir", str(data_dir), "backup", "--out", str(source)]) == 0
    live = data_dir / DATABASE_NAME
    live.unlink()
    connection = sqlite3.connect(live)  # says schema 0001, holds none of its tables
    connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
    connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
    connection.execute("INSERT INTO alembic_version VALUES (?)", (KNOWN_REVISIONS[0],))
    connection.commit()
    connection.close()
    forged = digest(live)
    before = listing(data_dir)
    for _ in range(3):  # refused each time, and no before-upgrade copy piles up
        assert run(["--data-dir", str(data_dir), "hours", "list"]) == 2
        assert "could not be upgraded" in capsys.readouterr().err
        assert listing(data_dir) == before
    assert run(["--data-dir", str(data_dir), "restore", str(source)]) == 0
    assert "the unusable database was kept as" in capsys.readouterr().out
    (kept,) = data_dir.glob(f"{DATABASE_NAME}.damaged-*")
    assert digest(kept) == forged
    assert run(["--data-dir", str(data_dir), "check"]) == 0


def test_a_restore_from_the_command_line_reaches_a_window_that_has_the_data_open(
    data_dir: Path, tmp_path: Path
) -> None:
    from cli_process import cli

    from careerplanner.storage import Database
    from careerplanner.storage.repositories import get_profile

    source = tmp_path / "sound.sqlite3"
    assert cli(data_dir, "backup", "--out", str(source)).returncode == 0
    with Database.open(data_dir) as window:  # this process plays the open window
        with window.session() as session:
            assert get_profile(session) is not None
        assert cli(data_dir, "profile", "set", "--name", "Changed").returncode == 0
        with window.reading() as session:
            changed = get_profile(session)
        assert changed is not None and changed.name == "Changed"
        done = cli(data_dir, "restore", str(source))
        assert done.returncode == 0, done.stderr
        with window.reading() as session:
            restored = get_profile(session)
        assert restored is not None and restored.name == "Jordan Rivera (sample)"
        assert window.integrity_problems() == []
