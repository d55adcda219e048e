"""Opens (creating, checking or upgrading) the user's database file and hands out sessions.

SQLAlchemy loads only when a session or the engine is first asked for: the plan snapshot is
read through `reader`, on the standard `sqlite3` module (`snapshot_connection`). Opened with
`check_later=True`, the quick check of the file runs later, but always before the first write
(see `deferred_check`).
"""

from __future__ import annotations

import os
import sqlite3
import sys
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
from careerplanner.storage.backup import (
    PRIVATE_FILE,
    Progress,
    copy_database,
    fsync,
    tighten_data_dir,
)
from careerplanner.storage.deferred_check import DeferredCheck
from careerplanner.storage.errors import DatabaseError, UnusableFileError, classify, is_damage
from careerplanner.storage.schema import APPLICATION_ID, HEAD_REVISION, VERSION_TABLE

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker


class Database:
    """One open CareerPlanner database: `session()` gives one transaction."""

    def __init__(
        self, path: Path, engine: Engine | None = None, check: DeferredCheck | None = None
    ) -> None:
        self.path = path
        self.data_dir = path.parent
        self._check = check
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

    @cached_property
    def _readers(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        from careerplanner.storage.engine import BEGIN_OPTION

        deferred = self.engine.execution_options(**{BEGIN_OPTION: "DEFERRED"})
        return sessionmaker(deferred, expire_on_commit=False)

    @classmethod
    def open(cls, data_dir: Path, *, check_later: bool = False) -> Database:
        """Open the database in `data_dir`, making it when missing; see CONTRACTS.md.

        `check_later`: check only the header and the revision now, and the whole file with
        `check_integrity()` or before the first write, whichever comes first."""
        data_dir = Path(data_dir)
        if data_dir.exists() and not data_dir.is_dir():
            raise UnusableFileError(fileguard.folder_is_file_message(data_dir))
        try:
            tighten_data_dir(data_dir)
        except OSError as error:
            raise DatabaseError(f"cannot make the data folder {data_dir}: {error}") from error
        path = data_dir / DATABASE_NAME
        check = DeferredCheck(path) if check_later else None
        if path.exists() or path.is_symlink():
            revision = fileguard.check_existing(path, full=check is None)
            if revision is None:  # every version wrote one: a forged or half-made file
                raise UnusableFileError(
                    f"{path} records no schema revision, so this version cannot open it; "
                    f"it was left untouched. {fileguard.RESTORE_ADVICE}"
                )
            if revision != HEAD_REVISION:
                if check is not None:
                    check.require_sound()  # an upgrade writes: never to a damaged file
                _upgrade(path, revision)
        else:
            create_file(path)
            check = None  # made just now
        return cls(path, check=check)

    def check_integrity(self) -> str | None:
        """Run the quick check left for later, if any (from any thread): the damage found, as a
        refusal's message, else None. After damage, every write raises `UnusableFileError`."""
        return None if self._check is None else self._check.run()

    def checked_sound(self) -> bool:
        """Whether writes may go ahead without waiting: the file needs no check, or passed it.
        A write that can wait (a cache kept in the file) asks this instead of checking now."""
        return self._check is None or self._check.passed

    def file_replaced(self) -> None:
        """After recovery put another file in place: close the connections to the old one (the
        next use opens the new one), and check the new file before its first write."""
        self.close()
        if self._check is not None:
            self._check.reset()

    def _before_writing(self) -> None:
        if self._check is not None:
            self._check.require_sound()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One write transaction (`BEGIN IMMEDIATE`): committed when the block ends, rolled
        back if it raises. Busy, read-only and full-disk failures become `DatabaseError`s."""
        self._before_writing()
        with self.translated(), self._sessions.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """One read transaction (a deferred `BEGIN`): it never waits for a writer."""
        with self.translated(), self._readers.begin() as session:
            yield session

    @contextmanager
    def snapshot_connection(self) -> Iterator[sqlite3.Connection]:
        """The plain `sqlite3` connection of the snapshot reader (see `reader.read_plan`); its
        reads are deferred transactions, so they never wait for a writer.

        It stays open, like the engine's pooled one: closing the last connection would
        checkpoint and remove the WAL file, which the snapshot cache watches."""
        with self.translated(), self._read_lock:
            if self._reader is None:
                from careerplanner.storage.reader import connect

                self._reader = connect(self.path)
            yield self._reader

    @contextmanager
    def translated(self) -> Iterator[None]:
        """Turn SQLite's busy, read-only and disk-full errors into messages in the user's words."""
        try:
            yield
        except (sqlite3.Error, OSError) as error:
            known = _known(error, self.path)
            if known is None:
                raise
            raise known from error
        except Exception as error:
            cause = _driver_error(error)
            known = None if cause is None else _known(cause, self.path)
            if known is None:
                raise
            raise known from error

    @contextmanager
    def raw(self) -> Iterator[sqlite3.Connection]:
        """The database's own SQLite connection, outside any transaction (storage only)."""
        self._before_writing()
        with self.translated(), self.engine.connect() as connection:
            dbapi = connection.connection.dbapi_connection
            assert isinstance(dbapi, sqlite3.Connection)
            yield dbapi

    def backup_to(self, path: Path, progress: Progress | None = None) -> Path:
        """A consistent copy of the database at `path` (mode 0600), even while in use;
        `progress` hears (pages copied, pages in all) and may raise to abandon the copy.
        A file not yet checked is checked first: a damaged one is never copied.

        The copy reads through a connection of its own (no SQLAlchemy for a daily backup), so
        a backup in the background never holds up the snapshot reader."""
        self._before_writing()
        from careerplanner.storage.reader import connect

        with self.translated():
            connection = connect(self.path)
            try:
                return copy_database(connection, Path(path), progress)
            finally:
                connection.close()

    def is_empty(self) -> bool:
        """True when the user has stored nothing at all (the one definition of "empty")."""
        from careerplanner.storage.reader import is_empty

        with self.snapshot_connection() as connection:
            return is_empty(connection)

    def has_schedules(self) -> bool:
        """Whether any regular schedule is stored, read without loading SQLAlchemy's ORM."""
        from careerplanner.storage.reader import SCHEDULES, has_rows

        with self.snapshot_connection() as connection:
            return has_rows(connection, SCHEDULES)

    def integrity_problems(self) -> list[str]:
        """Everything wrong with the file, in words; an empty list when it is sound."""
        from careerplanner.storage.verify import problems

        with self.raw() as connection:
            return problems(connection)

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


def create_file(path: Path) -> None:
    """Build a new, empty database in a temporary file beside `path`, then rename it over
    `path` (which may be missing, or a damaged file being replaced)."""
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
        fsync(temp)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _upgrade(path: Path, revision: str) -> None:
    """Back up, then migrate an older database to the current schema."""
    from careerplanner.storage.backup import backup_before_upgrade
    from careerplanner.storage.migrate import upgrade

    try:
        backup = backup_before_upgrade(path, revision, datetime.now())
    except (OSError, sqlite3.Error) as error:
        known = classify(error, path)
        raise known or DatabaseError(
            f"{path} needs an upgrade, but it could not be backed up first ({error}); "
            "it was left untouched"
        ) from error
    try:
        upgrade(path)
    except Exception as error:  # the upgrade ran in one transaction: nothing was changed
        backup.unlink(missing_ok=True)  # so each failed attempt leaves no copy behind
        cause = _driver_error(error) or error
        known = classify(cause, path)
        raise known or UnusableFileError(  # its content does not fit its revision
            f"{path} could not be upgraded ({type(error).__name__}: {error}); it was left as "
            f"it was. {fileguard.RESTORE_ADVICE}"
        ) from error


def _known(error: BaseException, path: Path) -> DatabaseError | None:
    """Busy, not writable, full, or (read before the quick check ran) damaged; else None."""
    known = classify(error, path)
    if known is None and is_damage(error):
        return UnusableFileError(fileguard.damaged(path, str(error)))
    return known


def _driver_error(error: BaseException) -> BaseException | None:
    """The driver's error SQLAlchemy wrapped, if `error` is such a wrapper (only a session or
    the engine raises one, so SQLAlchemy is never imported here for it)."""
    exc = sys.modules.get("sqlalchemy.exc")
    if exc is not None and isinstance(error, exc.DBAPIError):
        cause = error.orig
        return cause if isinstance(cause, BaseException) else None
    return None
