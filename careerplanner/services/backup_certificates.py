"""The certificate files kept with a backup: saved beside it, brought back when it is restored.

Stored certificates are never changed once attached (each gets a new unique name), so a
backup keeps a hard link to each file where the disk allows it, else a copy.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from careerplanner.services.backup_files import certificates_dir
from careerplanner.services.ce_files import PRIVATE_DIR, PRIVATE_FILE, CertificateStore


def keep(backup: Path, names: set[str], store: CertificateStore) -> int:
    """Save the certificates named in `backup` beside it; how many were saved."""
    present = [(name, path) for name in sorted(names) if (path := store.path(name)) is not None]
    if not present:
        return 0
    folder = certificates_dir(backup)
    folder.mkdir(mode=PRIVATE_DIR, exist_ok=True)
    for name, source in present:
        target = folder / name
        if target.exists():
            continue
        try:
            os.link(source, target)
        except OSError:
            _copy(source, target)
    return len(present)


def bring_back(backup: Path, names: set[str], store: CertificateStore) -> list[str]:
    """Copy the certificates the restored data names back into the store when missing there;
    the names still missing afterwards (not kept with the backup either)."""
    folder = certificates_dir(backup)
    missing: list[str] = []
    for name in sorted(names):
        if store.path(name) is not None:
            continue
        kept = folder / name
        if Path(name).name != name or name.startswith(".") or not kept.is_file():
            missing.append(name)
            continue
        store.folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        _copy(kept, store.folder / name)
    return missing


def drop(backup: Path) -> None:
    """Delete the certificates kept with a backup that is being deleted."""
    shutil.rmtree(certificates_dir(backup), ignore_errors=True)


def _copy(source: Path, target: Path) -> None:
    """Copy through a temporary file in the target folder, then rename: never half a file."""
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=".copy-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as reader:
            shutil.copyfileobj(reader, out)
        os.chmod(name, PRIVATE_FILE)
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
