"""Backups of the open database: automatic (when data changed, at most daily), manual, restored.

Every copy is made with SQLite's backup API, so it is consistent even while the app runs, and
keeps the certificate files its CE activities refer to. Automatic backups are named
`careerplanner-YYYYMMDDTHHMMSS.sqlite3` in `backups/` and thinned to 7 daily, 4 weekly and
12 monthly ones; manual backups (`…-manual`) and those made before a restore or an upgrade are
never thinned, and a manual backup never deletes another. A backup dated in the future (after
a clock error) is not taken for today's, so it cannot stop the automatic ones.

The daily check, run by every command that opens the data, only lists the backups folder: the
code that copies certificates and thins old backups loads when a backup is made.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerplanner.domain.errors import ValidationError
from careerplanner.services.backup_files import (
    AUTOMATIC,
    BEFORE_RESTORE_SUFFIX,
    BEFORE_START_OVER_SUFFIX,
    MANUAL_SUFFIX,
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
from careerplanner.storage import Database, UnusableFileError
from careerplanner.storage import repositories as repo
from careerplanner.storage.backup import Progress, read_summary, remove_stale_temps

if TYPE_CHECKING:
    from careerplanner.services.ce_files import CertificateStore


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

    @cached_property
    def store(self) -> CertificateStore:
        """The data folder's certificate files, which backups keep copies of."""
        from careerplanner.services.ce_files import CertificateStore

        return CertificateStore(self.db.data_dir)

    @property
    def folder(self) -> Path:
        return backup_dir(self.db.data_dir)

    def list(self) -> builtins.list[BackupInfo]:
        """Every backup in the data folder, newest first, with its date and entry counts."""
        return list_backups(self.db.data_dir)

    def backup(self, out: Path | None = None, progress: Progress | None = None) -> BackupInfo:
        """Back up now, into `out` (a new file) or the backups folder as a manual backup.

        `progress` hears (pages copied, pages in all); if it raises, no backup is kept.
        """
        if out is None:
            return self._make(free_path(self.folder, self.now(), MANUAL_SUFFIX), progress)
        out = Path(out).expanduser()
        if out.exists():
            raise ValidationError(f"{out} already exists; choose a new file name", "--out")
        if not out.parent.is_dir():
            raise ValidationError(f"the folder {out.parent} does not exist", "--out")
        return self._make(out, progress)

    def auto_backup(self) -> BackupInfo | None:
        """Back up if no automatic backup was made today and the data changed since the newest
        backup (of any kind); then thin the automatic ones. None when nothing was made.

        The copy is made, then compared page by page with the newest one (copies of
        unchanged data are identical) and dropped when nothing changed.
        """
        now = self.now()
        dated = self._dated(now)
        if any(kind == AUTOMATIC and made.date() == now.date() for made, kind, _ in dated):
            return None
        newest = max(dated, default=None)
        if newest is None and self.db.is_empty():
            return None
        info = self._make(free_path(self.folder, now))
        if newest is not None and file_digest(info.path) == file_digest(newest[2]):
            self._delete(info.path)
            return None
        self.thin()
        return info

    def thin(self) -> builtins.list[Path]:
        """Delete automatic backups beyond 7 daily, 4 weekly and 12 monthly; the removed paths."""
        from careerplanner.domain.backup_policy import backups_to_delete

        automatic: dict[datetime, list[Path]] = {}
        for path in backup_files(self.db.data_dir):
            kind, made_at = kind_and_time(path)
            if kind == AUTOMATIC:
                automatic.setdefault(made_at, []).append(path)
        removed: builtins.list[Path] = []
        for stamp in backups_to_delete(automatic):
            for path in automatic[stamp]:
                self._delete(path)
                removed.append(path)
        return removed

    def restore(self, source: Path) -> BackupInfo:
        """Replace the data with a backup's; the safety copy of the data as it was before.

        The backup is copied and proven sound first (see `storage.restore`); only then is
        the current data backed up and the copy swapped in. A refused file changes nothing.
        """
        from careerplanner.services import backup_certificates as certificates
        from careerplanner.storage.restore import checked_copy, install, page_size

        source = self._source(source)
        remove_stale_temps(self.db.data_dir)  # checked copies a killed restore left there
        with self.db.raw() as connection:
            size = page_size(connection)
        checked = refused_as_input(checked_copy, source, self.db.data_dir, size)
        try:
            names = read_summary(checked)[3]
            safety = self._make(free_path(self.folder, self.now(), BEFORE_RESTORE_SUFFIX))
            with self.db.raw() as connection:
                install(checked, connection)
        finally:
            checked.unlink(missing_ok=True)
        certificates.bring_back(source, names, self.store)
        if self.bus is not None:
            self.bus.publish(Change(KINDS))
        return safety

    def _source(self, source: Path) -> Path:
        source = Path(source).expanduser()
        if not source.is_file():
            raise ValidationError(f"{source} is not a file", "FILE")
        if source.resolve() == self.db.path.resolve():
            raise ValidationError("that is the database in use; choose a backup file", "FILE")
        return source

    def start_over(self) -> BackupInfo:
        """Back up everything, then empty the plan in one transaction; the backup made.

        Certificate files stay in the data folder (and in the backup), as the records name them.
        """
        with self.db.session() as session:
            if repo.is_empty(session):
                raise ValidationError("the plan is already empty; there is nothing to start over")
        safety = self._make(free_path(self.folder, self.now(), BEFORE_START_OVER_SUFFIX))
        with self.db.session() as session:
            repo.clear_plan(session)
        if self.bus is not None:
            self.bus.publish(Change(KINDS))
        return safety

    def _make(self, target: Path, progress: Progress | None = None) -> BackupInfo:
        """Copy the data and the certificates it refers to; what the copy holds."""
        from careerplanner.services import backup_certificates as certificates

        remove_stale_temps(self.folder)
        made = self.db.backup_to(target, progress)
        certificates.keep(made, read_summary(made)[3], self.store)
        return inspect(made)

    def _delete(self, path: Path) -> None:
        """Delete a backup with its certificates and any -wal/-shm an older version left."""
        from careerplanner.services import backup_certificates as certificates

        for companion in (path, *(Path(f"{path}{c}") for c in ("-wal", "-shm"))):
            companion.unlink(missing_ok=True)
        certificates.drop(path)

    def _dated(self, now: datetime) -> builtins.list[tuple[datetime, str, Path]]:
        """Backups in the backups folder made up to `now` (none from a wrong future clock)."""
        found = [(kind_and_time(path), path) for path in backup_files(self.db.data_dir)]
        return [(made, kind, path) for (kind, made), path in found if made <= now]


def refused_as_input(check: Callable[..., Path], source: Path, *args: Any) -> Path:
    """`check(source, *args)`, with a refused file reported as bad input (CLI exit 2)."""
    try:
        return check(source, *args)
    except UnusableFileError as error:
        raise ValidationError(error.message, "FILE") from error
