"""Moving to another computer: the whole plan and its certificate files as one archive.

Export refuses a CE activity whose certificate file is already missing (the archive would
be incomplete without saying so). Import checks the archive as a whole (`io.archive`), then
the plan as every other path checks it, then that each certificate a CE activity names is in
the archive and nothing else is; only then are the certificate files placed (never over a
different file already there) and the plan stored in one transaction. When storing fails,
the files it placed are removed again.
"""

from __future__ import annotations

import filecmp
import os
import tempfile
from dataclasses import replace
from pathlib import Path

from careerplanner.domain.errors import ValidationError
from careerplanner.domain.model import Plan
from careerplanner.io import json_io
from careerplanner.io.archive import ArchiveContents, read_archive, write_archive
from careerplanner.services.ce_files import PRIVATE_DIR, PRIVATE_FILE, CertificateStore
from careerplanner.services.import_export import ImportExportService


class PlanArchiveService:
    """`export(path)` and `import_(path)` of a `.careerplanner` archive."""

    def __init__(self, records: ImportExportService, store: CertificateStore) -> None:
        self._records = records
        self._store = store

    def export(self, path: Path, *, force: bool = False) -> json_io.PlanFile:
        """The plan and every certificate it refers to, written through `ExportTarget`."""
        target = self._records.export_target(path, force)
        plan = self._records.importable_plan()
        files: dict[str, Path] = {}
        for activity in plan.ce:
            if not activity.certificate:
                continue
            found = self._store.path(activity.certificate)
            if found is None:
                raise ValidationError(
                    f"the certificate file {activity.certificate} of CE activity {activity.id} "
                    f"is missing from {self._store.folder}; put it back, or remove it from the "
                    "activity, then export again",
                    "certificate",
                )
            files[activity.certificate] = found
        with target.writing() as temp, temp.open("wb") as stream:
            write_archive(stream, json_io.dumps(plan), files)
        return plan

    def import_(self, path: Path) -> Plan:
        """Reproduce an archived plan, certificates and all, in this empty data folder."""
        contents = read_archive(path)
        plan = self._records.checked_plan(contents.plan_text)
        _check_certificates(plan, contents)
        placed: list[Path] = []
        try:
            return self._records.import_plan(
                plan, prepare=lambda p: self._place(p, contents, placed)
            )
        except BaseException:
            for file in placed:
                file.unlink(missing_ok=True)
            raise

    def _place(
        self, plan: json_io.PlanFile, contents: ArchiveContents, placed: list[Path]
    ) -> json_io.PlanFile:
        """Copy each certificate in; a name taken by a different file gets a new name."""
        renamed = {name: self._place_one(name, contents, placed) for name in contents.certificates}
        ce = tuple(
            replace(c, certificate=renamed[c.certificate]) if c.certificate else c for c in plan.ce
        )
        return replace(plan, ce=ce)

    def _place_one(self, name: str, contents: ArchiveContents, placed: list[Path]) -> str:
        folder = self._store.folder
        folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{name[:60]}.", suffix=".tmp")
        temp = Path(temp_name)
        try:
            with os.fdopen(handle, "wb") as out, contents.certificate(name) as source:
                while chunk := source.read(1024 * 1024):
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, PRIVATE_FILE)
            return _link_in(temp, folder / name, placed)
        finally:
            temp.unlink(missing_ok=True)


def _link_in(temp: Path, wanted: Path, placed: list[Path]) -> str:
    """`temp` under the wanted name, or the same file already there, or a new free name."""
    try:
        os.link(temp, wanted)
    except FileExistsError:
        if filecmp.cmp(temp, wanted, shallow=False):
            return wanted.name
        handle, other = tempfile.mkstemp(
            dir=wanted.parent, prefix=f"{wanted.stem[:60]}-", suffix=wanted.suffix[:10]
        )
        os.close(handle)
        os.replace(temp, other)
        placed.append(Path(other))
        return Path(other).name
    placed.append(wanted)
    return wanted.name


def _check_certificates(plan: json_io.PlanFile, contents: ArchiveContents) -> None:
    named = {c.certificate: c.id for c in plan.ce if c.certificate}
    missing = sorted(set(named) - contents.certificates)
    if missing:
        raise ValidationError(
            f"the archive lacks the certificate file {missing[0]} of CE activity "
            f"{named[missing[0]]}; nothing was imported",
            "file",
        )
    extra = sorted(contents.certificates - set(named))
    if extra:
        raise ValidationError(
            f"the archive holds the file {extra[0]}, which no CE activity refers to; "
            "nothing was imported",
            "file",
        )
