"""Certificate files of CE activities: copied into the data folder, opened, removed with them."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import CeActivity

CERTIFICATE_DIR_NAME = "certificates"
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
MAX_BYTES = 50 * 1024 * 1024
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class CertificateStore:
    """Certificate files in `<data folder>/certificates/`, referred to by their file name."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = Path(data_dir) / CERTIFICATE_DIR_NAME

    def attach(self, source: Path) -> str:
        """Copy `source` in under a new unique name (mode 0600) and return that name."""
        source = Path(source).expanduser()
        if not source.is_file():
            raise ValidationError(f"{source} is not a file", "certificate")
        if source.stat().st_size > MAX_BYTES:
            raise ValidationError(
                f"{source.name} is larger than 50 MB; attach a smaller scan", "certificate"
            )
        self.folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        stem = _UNSAFE.sub("-", source.stem).strip("-.")[:60] or "certificate"
        suffix = _UNSAFE.sub("", source.suffix)[:10]
        handle, name = tempfile.mkstemp(dir=self.folder, prefix=f"{stem}-", suffix=suffix)
        try:
            with os.fdopen(handle, "wb") as target, source.open("rb") as reader:
                shutil.copyfileobj(reader, target)
            os.chmod(name, PRIVATE_FILE)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
        return Path(name).name

    def path(self, name: str) -> Path | None:
        """Where a stored certificate is; None for no name or a missing file."""
        if not name or Path(name).name != name or name.startswith("."):
            return None
        path = self.folder / name
        return path if path.is_file() else None

    def remove(self, name: str) -> None:
        """Delete a stored certificate (nothing happens when it is already gone)."""
        path = self.path(name)
        if path is not None:
            path.unlink(missing_ok=True)


class CeRecords(Protocol):
    """The CE service's writes that certificates follow."""

    def add(self, activity: CeActivity) -> CeActivity: ...

    def update(self, activity: CeActivity) -> CeActivity: ...

    def remove(self, activity_id: int) -> CeActivity: ...


class CeFileService:
    """CE writes that keep certificate files in step: attach on add or edit, delete on remove."""

    def __init__(self, store: CertificateStore, records: CeRecords) -> None:
        self.store = store
        self.records = records

    def add(self, activity: CeActivity, certificate: Path | None = None) -> CeActivity:
        """Add a CE activity, with a copy of `certificate` when one is given."""
        if certificate is None:
            return self.records.add(activity)
        name = self.store.attach(certificate)
        try:
            return self.records.add(replace(activity, certificate=name))
        except BaseException:
            self.store.remove(name)
            raise

    def update(
        self, activity: CeActivity, certificate: Path | None = None, *, drop: bool = False
    ) -> CeActivity:
        """Edit a CE activity; a new `certificate` replaces the old file, `drop` removes it."""
        old = activity.certificate
        if certificate is None and not drop:
            return self.records.update(activity)
        name = self.store.attach(certificate) if certificate is not None else ""
        try:
            saved = self.records.update(replace(activity, certificate=name))
        except BaseException:
            self.store.remove(name)
            raise
        if old and old != name:
            self.store.remove(old)
        return saved

    def remove(self, activity_id: int) -> CeActivity:
        """Remove a CE activity and its certificate file."""
        removed = self.records.remove(activity_id)
        self.store.remove(removed.certificate)
        return removed

    def path(self, activity: CeActivity) -> Path | None:
        """The stored certificate of an activity, for opening; None when it has none."""
        return self.store.path(activity.certificate)
