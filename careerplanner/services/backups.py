"""Backups of the open database: automatic (when data changed, at most daily), thinned, restored.

Every copy is made with SQLite's backup API, so it is consistent even while the app runs.
Automatic backups are named `careerplanner-YYYYMMDDTHHMMSS.sqlite3` in `backups/` and thinned
to 7 daily, 4 weekly and 12 monthly ones; backups made before a restore or an upgrade are
never thinned.
"""

from __future__ import annotations

import builtins
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from careerplanner.domain.backup_policy import backups_to_delete
from careerplanner.domain.errors import ValidationError
from careerplanner.services.backup_files import (
    AUTOMATIC,
    BEFORE_RESTORE,
    BackupInfo,
    backup_dir,
    backup_files,
    file_digest,
    free_path,
    inspect,
    kind_and_time,
    list_backups,
)
from careerplanner.services.bus import KINDS, Change, ChangeBus
from careerplanner.storage import Database, DatabaseError, fileguard
from careerplanner.storage import repositories as repo
from careerplanner.storage.backup import Progress
from careerplanner.storage.schema import HEAD_REVISION


class BackupService:
    """Make, list, thin and restore backups of one open database."""

    def __init__(
        self,
        db: Database,
        now: Callable[[], datetime] = datetime.now,
        bus: ChangeBus | None = None,
    ) -> None:
        self.db = db
        self.now = now
        self.bus = bus

    @property
    def folder(self) -> Path:
        return backup_dir(self.db.data_dir)

    def list(self) -> builtins.list[BackupInfo]:
        """Every backup in the data folder, newest first, with its date and entry counts."""
        return list_backups(self.db.data_dir)

    def backup(self, out: Path | None = None, progress: Progress | None = None) -> BackupInfo:
        """Back up now, into `out` (a new file) or the backups folder (then thin old ones).

        `progress` hears (pages copied, pages in all); if it raises, no backup is kept.
        """
        if out is None:
            info = inspect(self.db.backup_to(free_path(self.folder, self.now()), progress))
            self.thin()
            return info
        out = Path(out).expanduser()
        if out.exists():
            raise ValidationError(f"{out} already exists; choose a new file name", "--out")
        if not out.parent.is_dir():
            raise ValidationError(f"the folder {out.parent} does not exist", "--out")
        return inspect(self.db.backup_to(out, progress))

    def auto_backup(self) -> BackupInfo | None:
        """Back up if none was made today and the data changed since the newest backup.

        The copy is made, then compared page by page with the newest one (copies of
        unchanged data are identical) and dropped when nothing changed.
        """
        now = self.now()
        newest = self._newest()
        if newest is not None and newest[0].date() >= now.date():
            return None
        with self._raw() as connection:
            if newest is None and _is_empty(connection):
                return None
        made = self.db.backup_to(free_path(self.folder, now))
        if newest is not None and file_digest(made) == file_digest(newest[1]):
            made.unlink()
            return None
        self.thin()
        return inspect(made)

    def thin(self) -> builtins.list[Path]:
        """Delete automatic backups beyond 7 daily, 4 weekly and 12 monthly; the removed paths."""
        automatic: dict[datetime, list[Path]] = {}
        for path in backup_files(self.db.data_dir):
            kind, made_at = kind_and_time(path)
            if kind == AUTOMATIC:
                automatic.setdefault(made_at, []).append(path)
        removed: builtins.list[Path] = []
        for stamp in backups_to_delete(automatic):
            for path in automatic[stamp]:
                path.unlink(missing_ok=True)
                removed.append(path)
        return removed

    def restore(self, source: Path) -> BackupInfo:
        """Replace the data with a backup's, after backing up the current data; the safety copy."""
        source = Path(source).expanduser()
        if not source.is_file():
            raise ValidationError(f"{source} is not a file", "FILE")
        if source.resolve() == self.db.path.resolve():
            raise ValidationError("that is the database in use; choose a backup file", "FILE")
        info = inspect(source)
        if info.problem is not None:
            raise ValidationError(f"{source} cannot be restored: {info.problem}", "FILE")
        safety = inspect(self.db.backup_to(free_path(self.folder, self.now(), "-before-restore")))
        revision = fileguard.check_existing(source)
        reader = fileguard.read_only(source)
        try:
            with self._raw() as connection:
                reader.backup(connection)
        finally:
            reader.close()
        if revision != HEAD_REVISION:
            from careerplanner.storage.migrate import upgrade

            upgrade(self.db.path)
        problems = self.db.integrity_problems()
        if problems:
            raise DatabaseError(f"the restored data is not sound: {'; '.join(problems[:3])}")
        if self.bus is not None:
            self.bus.publish(Change(KINDS))
        return safety

    def start_over(self) -> BackupInfo:
        """Back up everything, then empty the plan in one transaction; the backup made.

        Certificate files stay in the data folder; the backup holds the records that name them.
        """
        with self._raw() as connection:
            if _is_empty(connection):
                raise ValidationError("the plan is already empty; there is nothing to start over")
        safety = inspect(
            self.db.backup_to(free_path(self.folder, self.now(), "-before-start-over"))
        )
        with self.db.session() as session:
            repo.clear_plan(session)
        if self.bus is not None:
            self.bus.publish(Change(KINDS))
        return safety

    def _newest(self) -> tuple[datetime, Path] | None:
        """The newest automatic (or before-restore) backup: when, and where."""
        found = [(kind_and_time(p), p) for p in backup_files(self.db.data_dir)]
        dated = [(made, p) for (kind, made), p in found if kind in (AUTOMATIC, BEFORE_RESTORE)]
        return max(dated, default=None)

    @contextmanager
    def _raw(self) -> Iterator[sqlite3.Connection]:
        """The database's own SQLite connection, outside any transaction."""
        with self.db.engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            yield raw


def _is_empty(connection: sqlite3.Connection) -> bool:
    tables = ("work_entry", "ce_activity", "degree", "license", "exam", "goal", "profile")
    return all(connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] == 0 for t in tables)
