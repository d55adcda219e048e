"""Opens (creating, checking or upgrading) the user's database file and hands out sessions.

SQLAlchemy loads only when a session or the engine is first asked for: reading the snapshot
goes through `reader`, on the standard `sqlite3` module.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from careerplanner.paths import DATABASE_NAME
from careerplanner.storage import fileguard
from careerplanner.storage.backup import PRIVATE_FILE, copy_database, make_private_dir
from careerplanner.storage.errors import DatabaseError, UnusableFileError
from careerplanner.storage.schema import APPLICATION_ID, HEAD_REVISION, VERSION_TABLE

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker


class Database:
    """One open CareerPlanner database: `session()` gives one transaction."""

    def __init__(self, path: Path, engine: Engine | None = None) -> None:
        self.path = path
        self.data_dir = path.parent
        self._reader: sqlite3.Connection | None = None
        self._read_lock = threading.Lock()
        if engine is not None:
            self.__dict__["engine"] = engine

    @cached_property
    def engine(self) -> Engine:
        from careerplanner.storage.engine import make_engine

        return make_engine(self.path)

    @cached_property
    def _sessions(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def open(cls, data_dir: Path) -> Database:
        """Open the database in `data_dir`, making it when missing; see CONTRACTS.md."""
        data_dir = Path(data_dir)
        if data_dir.exists() and not data_dir.is_dir():
            raise UnusableFileError(fileguard.folder_is_file_message(data_dir))
        try:
            make_private_dir(data_dir)
        except OSError as error:
            raise DatabaseError(f"cannot make the data folder {data_dir}: {error}") from error
        path = data_dir / DATABASE_NAME
        if path.exists() or path.is_symlink():
            revision = fileguard.check_existing(path)
            if revision != HEAD_REVISION:
                _upgrade(path, revision)
        else:
            _create(path)
        return cls(path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The plain `sqlite3` connection of the snapshot reader (see `reader.read_plan`).

        It stays open, like the engine's pooled one: closing the last connection would
        checkpoint and remove the WAL file, which the snapshot cache watches."""
        with self._read_lock:
            if self._reader is None:
                from careerplanner.storage.reader import connect

                self._reader = connect(self.path)
            yield self._reader

    def backup_to(self, path: Path) -> Path:
        """A consistent copy of the database at `path` (mode 0600), even while in use."""
        with self.engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            return copy_database(raw, Path(path))

    def integrity_problems(self) -> list[str]:
        """Everything wrong with the file, in words; an empty list when it is sound."""
        from sqlalchemy import text

        problems: list[str] = []
        with self.engine.connect() as connection:
            rows = connection.exec_driver_sql("PRAGMA integrity_check").scalars().all()
            problems += [str(row) for row in rows if row != "ok"]
            for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(f"{table} row {rowid} refers to a missing {parent} row")
            app_id = connection.exec_driver_sql("PRAGMA application_id").scalar()
            if app_id != APPLICATION_ID:
                problems.append(f"the application id is {app_id}, not CareerPlanner's")
            revision = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
            if [r[0] for r in revision] != [HEAD_REVISION]:
                problems.append(f"the schema revision is {revision}, expected {HEAD_REVISION}")
        return problems

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if "engine" in self.__dict__:
            self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _create(path: Path) -> None:
    """Build a new database in a temporary file beside `path`, then move it into place."""
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=".new-", suffix=".sqlite3")
    os.close(handle)
    temp = Path(temp_name)
    from careerplanner.storage.engine import make_engine
    from careerplanner.storage.models import Base

    try:
        engine = make_engine(temp, wal=False)
        try:
            with engine.begin() as connection:
                connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
                Base.metadata.create_all(connection)
                connection.exec_driver_sql(
                    f"CREATE TABLE {VERSION_TABLE} (version_num VARCHAR(32) NOT NULL, "
                    f"CONSTRAINT {VERSION_TABLE}_pkc PRIMARY KEY (version_num))"
                )
                connection.exec_driver_sql(
                    f"INSERT INTO {VERSION_TABLE} (version_num) VALUES ('{HEAD_REVISION}')"
                )
        finally:
            engine.dispose()
        temp.chmod(PRIVATE_FILE)
        _fsync(temp)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _upgrade(path: Path, revision: str | None) -> None:
    """Back up, then migrate an older database to the current schema."""
    from careerplanner.storage.backup import backup_before_upgrade
    from careerplanner.storage.migrate import upgrade

    try:
        backup = backup_before_upgrade(path, revision, datetime.now())
    except (OSError, sqlite3.Error) as error:
        raise DatabaseError(
            f"{path} needs an upgrade, but it could not be backed up first ({error}); "
            "it was left untouched"
        ) from error
    try:
        upgrade(path)
    except Exception as error:  # the upgrade ran in one transaction: nothing was changed
        raise DatabaseError(
            f"{path} could not be upgraded ({error}); it was left as it was, "
            f"and a copy from before the attempt is in {backup}"
        ) from error


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
