"""The one way every export (CSV, JSON, archive, PDF report) writes its file.

`ExportTarget.check(path, data_dir, force)` refuses, before any work is done: a folder; a
file in a folder that does not exist; anything inside the data folder (the database, its
`-wal`/`-shm`/`-journal` files, backups, certificates, settings) however it is reached,
through a symlink or a hard link; an existing file unless `force`. `target.writing()` then
gives a temporary file (mode 0600) in the target's folder, and moves it into place in one
atomic rename once it is complete, so a failed export never leaves half a file and never
writes through a symlink onto what it points at.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from careerplanner.domain.errors import ValidationError


@dataclass(frozen=True)
class ExportTarget:
    """A checked place to export to; `force` allows replacing an existing file."""

    path: Path
    data_dir: Path | None
    force: bool = False

    @classmethod
    def check(cls, path: Path, data_dir: Path | None, force: bool = False) -> ExportTarget:
        target = cls(Path(path).expanduser(), data_dir, force)
        target.refuse_unsafe()
        return target

    def refuse_unsafe(self) -> None:
        """Raise ValidationError, in the user's words, when writing here could lose data."""
        path = self.path
        if self.data_dir is not None and _belongs_to(path, Path(self.data_dir)):
            raise ValidationError(
                f"{path} is (or links to) a file of CareerPlanner's data folder "
                f"({self.data_dir}); export to a file outside it",
                "file",
            )
        if not path.parent.is_dir():
            raise ValidationError(
                f"the folder {path.parent} does not exist; create it or choose another", "file"
            )
        if path.is_dir():
            raise ValidationError(f"{path} is a folder; name a file", "file")
        if os.path.lexists(path) and not self.force:
            raise ValidationError(
                f"{path} already exists; choose another name, or give --force to replace it",
                "file",
            )

    @contextmanager
    def writing(self) -> Iterator[Path]:
        """A new temporary file beside the target; moved onto the target when the block ends."""
        self.refuse_unsafe()
        handle, name = tempfile.mkstemp(
            dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp"
        )
        os.close(handle)
        temp = Path(name)
        try:
            yield temp
            _sync(temp)
            self.refuse_unsafe()  # still so: nothing appeared there while writing
            self._move(temp)
        finally:
            temp.unlink(missing_ok=True)

    @contextmanager
    def text(self, bom: bool = False) -> Iterator[IO[str]]:
        """A UTF-8 text stream (with a byte-order mark when `bom`, for spreadsheets)."""
        with self.writing() as temp:
            encoding = "utf-8-sig" if bom else "utf-8"
            with temp.open("w", encoding=encoding, newline="") as stream:
                yield stream

    def _move(self, temp: Path) -> None:
        if self.force:
            os.replace(temp, self.path)
            return
        try:  # a hard link refuses to replace a file that appeared meanwhile: no race
            os.link(temp, self.path)
        except FileExistsError:
            raise ValidationError(
                f"{self.path} already exists; nothing was written", "file"
            ) from None
        except OSError:  # a file system without hard links
            os.replace(temp, self.path)


def _sync(path: Path) -> None:
    os.chmod(path, 0o600)
    with path.open("rb+") as stream:
        os.fsync(stream.fileno())


def _belongs_to(path: Path, data_dir: Path) -> bool:
    """Is `path` inside the data folder: by name after resolving links, by the identity of a
    folder it is in (another spelling on a case-insensitive disk, a bind mount), or, for a
    file with a second link, by its inode?"""
    folder = data_dir.expanduser().resolve()
    resolved = path.resolve()
    if resolved == folder or folder in resolved.parents:
        return True
    if not folder.is_dir():
        return False
    home = folder.stat()
    if any(_same_inode(home, parent) for parent in resolved.parents):
        return True
    if not path.exists():
        return False
    stat = path.stat()
    if stat.st_nlink < 2:
        return False
    return any(_same_inode(stat, found) for found in folder.rglob("*"))


def _same_inode(stat: os.stat_result, other: Path) -> bool:
    try:
        found = other.stat()
    except OSError:
        return False
    return (found.st_dev, found.st_ino) == (stat.st_dev, stat.st_ino)
